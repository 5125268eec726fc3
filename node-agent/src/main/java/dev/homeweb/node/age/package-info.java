/** The age file format (X25519 recipients), shared by the node agent and the deploy tool. */
package dev.homeweb.node.age;
