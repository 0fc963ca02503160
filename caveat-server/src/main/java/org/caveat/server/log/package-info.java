/**
 * The decision log over HTTP: the signed-off head (size and RFC 6962 root hash), inclusion proofs
 * and single entries, so anyone holding an answer can check it was logged.
 */
package org.caveat.server.log;
