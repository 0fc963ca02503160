/**
 * The decision log over HTTP: the signed tree head (size, RFC 6962 root, time, Ed25519 signature)
 * and the public key to check it, consistency proofs between two sizes, inclusion proofs and
 * single entries, so anyone holding an answer can check it was logged, and anyone holding an
 * older head can check the log only grew since.
 */
package org.caveat.server.log;
