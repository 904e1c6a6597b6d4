/** Why a file cannot be imported at all; the CLI prints the message on one line. */
export class XmltvError extends Error {}
