/**
 * Runs the test cases a pack carries ({@code GRANT/tests/*.yaml}): decides each case's request,
 * compares the answer with what the case expects, and reports the rules no case decides.
 */
package org.caveat.packtest;
