//! What the XML scanner reports: events with their positions, errors with Expat's codes,
//! and content models of element declarations.

/// A content model of `<!ELEMENT>`, as pyexpat gives it: (type, quantifier, name, children).
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// `XML_CTYPE_*`: EMPTY 1, ANY 2, MIXED 3, NAME 4, CHOICE 5, SEQ 6.
    pub ctype: u8,
    /// `XML_CQUANT_*`: NONE 0, OPT 1, REP 2, PLUS 3.
    pub quant: u8,
    pub name: Option<String>,
    pub children: Vec<Model>,
}

/// One callback's worth of parsing.
#[derive(Clone, Debug, PartialEq)]
pub enum Ev {
    XmlDecl { version: Option<String>, encoding: Option<String>, standalone: i32 },
    /// `attrs` holds the specified attributes first (`nspec` of them), then defaults
    /// from ATTLIST declarations.
    Start { name: String, attrs: Vec<(String, String)>, nspec: usize },
    End { name: String },
    Data(String),
    Pi { target: String, data: String },
    Comment(String),
    CdataStart,
    CdataEnd,
    DoctypeStart { name: String, sysid: Option<String>, pubid: Option<String>, internal: bool },
    DoctypeEnd,
    EntityDecl {
        name: String,
        param: bool,
        value: Option<String>,
        sysid: Option<String>,
        pubid: Option<String>,
        notation: Option<String>,
    },
    NotationDecl { name: String, sysid: Option<String>, pubid: Option<String> },
    ElementDecl { name: String, model: Model },
    AttlistDecl { elname: String, attname: String, atype: String, default: Option<String>, required: bool },
    /// A reference to an entity that is neither declared internally nor an error (the
    /// document has an external subset): SkippedEntityHandler, else the default handler.
    Skipped { name: String, param: bool },
    /// A reference to an external parsed entity in content.
    ExternalRef { name: String, sysid: Option<String>, pubid: Option<String> },
    /// The document turned out not standalone (an external subset, a parameter entity
    /// reference): NotStandaloneHandler.
    NotStandalone,
    /// Markup no other event stands for (white space in the prolog, the pieces of a DOCTYPE
    /// declaration, the XML declaration...): the default handler's text.
    Default(String),
}

/// An event and where it starts: line (from 1), column in characters (from 0), byte offset.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub ev: Ev,
    /// For events of markup the caller may also want as raw text (the default handler,
    /// when no specific handler is set).
    pub raw: Vec<String>,
    pub line: u64,
    pub col: u64,
    pub byte: u64,
}

/// Expat's error codes used by the scanner.
pub mod code {
    pub const SYNTAX: u32 = 2;
    pub const NO_ELEMENTS: u32 = 3;
    pub const INVALID_TOKEN: u32 = 4;
    pub const UNCLOSED_TOKEN: u32 = 5;
    pub const PARTIAL_CHAR: u32 = 6;
    pub const TAG_MISMATCH: u32 = 7;
    pub const DUPLICATE_ATTRIBUTE: u32 = 8;
    pub const JUNK_AFTER_DOC_ELEMENT: u32 = 9;
    pub const PARAM_ENTITY_REF: u32 = 10;
    pub const UNDEFINED_ENTITY: u32 = 11;
    pub const RECURSIVE_ENTITY_REF: u32 = 12;
    pub const ASYNC_ENTITY: u32 = 13;
    pub const BAD_CHAR_REF: u32 = 14;
    pub const BINARY_ENTITY_REF: u32 = 15;
    pub const ATTRIBUTE_EXTERNAL_ENTITY_REF: u32 = 16;
    pub const MISPLACED_XML_PI: u32 = 17;
    pub const UNKNOWN_ENCODING: u32 = 18;
    pub const UNCLOSED_CDATA_SECTION: u32 = 20;
    pub const XML_DECL: u32 = 30;
    pub const PUBLICID: u32 = 32;
    pub const FINISHED: u32 = 36;
    pub const AMPLIFICATION_LIMIT_BREACH: u32 = 43;
}

/// Expat 2.5.0's messages, by code (index 0 unused).
pub const MESSAGES: [&str; 44] = [
    "",
    "out of memory",
    "syntax error",
    "no element found",
    "not well-formed (invalid token)",
    "unclosed token",
    "partial character",
    "mismatched tag",
    "duplicate attribute",
    "junk after document element",
    "illegal parameter entity reference",
    "undefined entity",
    "recursive entity reference",
    "asynchronous entity",
    "reference to invalid character number",
    "reference to binary entity",
    "reference to external entity in attribute",
    "XML or text declaration not at start of entity",
    "unknown encoding",
    "encoding specified in XML declaration is incorrect",
    "unclosed CDATA section",
    "error in processing external entity reference",
    "document is not standalone",
    "unexpected parser state - please send a bug report",
    "entity declared in parameter entity",
    "requested feature requires XML_DTD support in Expat",
    "cannot change setting once parsing has begun",
    "unbound prefix",
    "must not undeclare prefix",
    "incomplete markup in parameter entity",
    "XML declaration not well-formed",
    "text declaration not well-formed",
    "illegal character(s) in public id",
    "parser suspended",
    "parser not suspended",
    "parsing aborted",
    "parsing finished",
    "cannot suspend in external parameter entity",
    "reserved prefix (xml) must not be undeclared or bound to another namespace name",
    "reserved prefix (xmlns) must not be declared or undeclared",
    "prefix must not be bound to one of the reserved namespace names",
    "invalid argument",
    "a successful prior call to function XML_GetBuffer is required",
    "limit on input amplification factor (from DTD and entities) breached",
];

/// The constant names of the `errors` submodule, by code.
pub const NAMES: [&str; 44] = [
    "",
    "NO_MEMORY",
    "SYNTAX",
    "NO_ELEMENTS",
    "INVALID_TOKEN",
    "UNCLOSED_TOKEN",
    "PARTIAL_CHAR",
    "TAG_MISMATCH",
    "DUPLICATE_ATTRIBUTE",
    "JUNK_AFTER_DOC_ELEMENT",
    "PARAM_ENTITY_REF",
    "UNDEFINED_ENTITY",
    "RECURSIVE_ENTITY_REF",
    "ASYNC_ENTITY",
    "BAD_CHAR_REF",
    "BINARY_ENTITY_REF",
    "ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "MISPLACED_XML_PI",
    "UNKNOWN_ENCODING",
    "INCORRECT_ENCODING",
    "UNCLOSED_CDATA_SECTION",
    "EXTERNAL_ENTITY_HANDLING",
    "NOT_STANDALONE",
    "UNEXPECTED_STATE",
    "ENTITY_DECLARED_IN_PE",
    "FEATURE_REQUIRES_XML_DTD",
    "CANT_CHANGE_FEATURE_ONCE_PARSING",
    "UNBOUND_PREFIX",
    "UNDECLARING_PREFIX",
    "INCOMPLETE_PE",
    "XML_DECL",
    "TEXT_DECL",
    "PUBLICID",
    "SUSPENDED",
    "NOT_SUSPENDED",
    "ABORTED",
    "FINISHED",
    "SUSPEND_PE",
    "RESERVED_PREFIX_XML",
    "RESERVED_PREFIX_XMLNS",
    "RESERVED_NAMESPACE_URI",
    "INVALID_ARGUMENT",
    "NO_BUFFER",
    "AMPLIFICATION_LIMIT_BREACH",
];

/// A parse error: Expat's code and where it was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XmlError {
    pub code: u32,
    pub line: u64,
    pub col: u64,
    /// -1 when no input was seen.
    pub byte: i64,
}
