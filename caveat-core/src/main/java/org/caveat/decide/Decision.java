package org.caveat.decide;

import java.util.List;
import org.caveat.model.Request;

/** The verdict on one request and how each applicable grant reached it. */
public record Decision(Request request, Outcome outcome, List<GrantDecision> grants) {}
