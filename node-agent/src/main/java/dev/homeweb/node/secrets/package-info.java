/**
 * The secrets agent that runs as root on a node, and its wire format (sealed secrets in, changes
 * out) that the deploy tool speaks.
 */
package dev.homeweb.node.secrets;
