//! Lowers a tree-sitter-c syntax tree to [`FileFacts`]: every function becomes a CFG of
//! lock events; struct, typedef and global declarations become type facts for lock classes.

// The lowering hashes every name and lock expression of a file: a fast hasher.
use foldhash::{HashMap, HashMapExt, HashSet};
use std::time::Instant;

use lockorder_ir::{
    Acquire, Annotation, AnnotationKind, ArgRange, AtomId, Block, BlockId, Call, Event, FieldDef,
    FileFacts, FileId, Function, GlobalDecl, LockExpr, LockId, LockRoot, PathStep, ReturnValue,
    Span, StructDef, Success, Terminator, VarFact, VarId, NO_ARG,
};
use lockorder_rules::{Op, Rules};
use tree_sitter::{Node, Parser};

use crate::macros::{self, scan_defines, split_top_level, MacroTable};
use crate::prepass::prepass;

/// Statement nesting beyond which a function is degraded instead of lowered further:
/// the lowering recurses, and the stack is finite.
const MAX_NESTING: usize = 256;

/// One C front end per thread: it owns a tree-sitter parser.
pub struct CFrontEnd {
    parser: Parser,
}

impl Default for CFrontEnd {
    fn default() -> Self {
        Self::new()
    }
}

impl CFrontEnd {
    pub fn new() -> Self {
        let mut parser = Parser::new();
        parser
            .set_language(&C_LANGUAGE)
            .expect("tree-sitter-c matches the tree-sitter version");
        CFrontEnd { parser }
    }

    /// Lowers one file. The source must be UTF-8-clean enough to slice: callers replace
    /// invalid bytes beforehand.
    /// `macros` are the lock wrapper macros of the program's headers; the file's own
    /// are found here and take precedence.
    pub fn lower_file(
        &mut self,
        file: FileId,
        src: &str,
        rules: &Rules,
        macros: &MacroTable,
    ) -> FileFacts {
        let t0 = Instant::now();
        let pre = prepass(src.as_bytes(), &rules.prepass);
        let t1 = Instant::now();
        // Only directives: nothing to parse, though its macros may still wrap locks.
        let parsed = pre.has_code.then(|| self.parser.parse(&pre.text, None));
        let t2 = Instant::now();
        let mut facts = FileFacts::default();
        facts.stats.bytes = src.len() as u64;
        facts.stats.lines = memchr::memchr_iter(b'\n', src.as_bytes()).count() as u64;
        facts.stats.prepass_ns = (t1 - t0).as_nanos() as u64;
        if parsed.is_some() {
            facts.stats.parse_ns = (t2 - t1).as_nanos() as u64;
        }
        let tree = match parsed {
            Some(None) => return facts,
            Some(tree) => tree,
            None => None,
        };
        // The pre-pass output is `src` with some bytes turned into ASCII: still UTF-8 at
        // every boundary tree-sitter reports, since those are token boundaries.
        // Only a syntax tree's nodes read it.
        let text = match tree {
            Some(_) => String::from_utf8_lossy(&pre.text),
            None => std::borrow::Cow::Borrowed(""),
        };
        let defines = scan_defines(src, rules);
        facts.macro_wrappers = defines.wrappers;
        facts.typed_macros = defines.typed;
        facts.truth_macros = defines.truths;
        facts.includes = scan_includes(src);
        facts.fields_set = scan_fields_set(
            src,
            rules.context_slots.values().filter_map(|s| s.1.as_ref()),
        );
        facts.suppressions = lockorder_ir::scan_suppressions(src, file);
        let own_macros: MacroTable = facts
            .macro_wrappers
            .iter()
            .map(|w| (w.name.clone(), w.clone()))
            .collect();
        let mut lowerer = FileLowerer {
            file,
            text: &text,
            orig: src,
            rules,
            facts: &mut facts,
            lock_ids: HashMap::new(),
            slot_ids: HashMap::new(),
            name_ids: HashMap::new(),
            file_globals: HashMap::new(),
            own_macros,
            header_macros: macros,
        };
        for d in &pre.defined_locks {
            lowerer.file_globals.insert(d.name.clone(), d.is_static);
            if d.kind == lockorder_ir::LockKind::Semaphore && !d.completion {
                let id = lowerer.intern_lock(LockExpr {
                    root: LockRoot::Global {
                        name: d.name.clone(),
                        file_static: d.is_static,
                    },
                    path: Vec::new(),
                    text: d.name.clone(),
                });
                if d.binary {
                    lowerer.facts.binary_semaphores.push(id);
                }
            }
            if d.completion {
                let id = lowerer.intern_lock(LockExpr {
                    root: LockRoot::Global {
                        name: d.name.clone(),
                        file_static: d.is_static,
                    },
                    path: Vec::new(),
                    text: d.name.clone(),
                });
                lowerer.facts.completions.push(id);
            }
            lowerer.facts.globals.push(GlobalDecl {
                name: d.name.clone(),
                ty: None,
                is_static: d.is_static,
                lock_kind: Some(d.kind),
            });
        }
        for (kind, argument, start, end) in pre.annotations {
            lowerer.facts.annotations.push(Annotation {
                kind,
                argument,
                span: Span::new(file, start, end),
            });
        }
        let functions = match &tree {
            Some(tree) => lowerer.collect_declarations(tree.root_node()),
            None => Vec::new(),
        };
        for f in functions {
            // A panic in one function loses that function only. What it had added to
            // the file's tables stays: interned entries are complete when added.
            let before = lowerer.facts.functions.len();
            if let Err(message) = lockorder_ir::isolate(|| lowerer.lower_function(f)) {
                lowerer.facts.functions.truncate(before);
                let name = f
                    .child_by_field_id(FIELDS.declarator)
                    .and_then(find_function_declarator)
                    .and_then(|d| d.child_by_field_id(FIELDS.declarator))
                    .and_then(declarator_name)
                    .map_or("?", |n| lowerer.text_of(n))
                    .to_string();
                lowerer.facts.internal_errors.push(format!(
                    "`{name}`: internal error while lowering: {message}"
                ));
            }
        }
        drop(tree);
        facts.stats.lower_ns = t2.elapsed().as_nanos() as u64;
        facts
    }
}

struct FileLowerer<'a> {
    file: FileId,
    /// The pre-passed text the tree was parsed from.
    text: &'a str,
    /// The original text, for macros the pre-pass rewrote (`scoped_guard`).
    orig: &'a str,
    rules: &'a Rules,
    facts: &'a mut FileFacts,
    lock_ids: HashMap<LockExpr, LockId>,
    slot_ids: HashMap<LockExpr, u32>,
    name_ids: HashMap<String, u32>,
    /// Names declared at file scope, and whether they are `static`.
    file_globals: HashMap<String, bool>,
    own_macros: MacroTable,
    header_macros: &'a MacroTable,
}

/// The C grammar's field ids: looking a field up by name compares it with every field
/// name of the grammar, on every call.
struct FieldIds {
    alternative: u16,
    argument: u16,
    arguments: u16,
    body: u16,
    condition: u16,
    consequence: u16,
    declarator: u16,
    field: u16,
    function: u16,
    initializer: u16,
    label: u16,
    left: u16,
    name: u16,
    operator: u16,
    parameters: u16,
    right: u16,
    ty: u16,
    update: u16,
    value: u16,
}

/// The C grammar, for the parser and for the id tables below.
static C_LANGUAGE: std::sync::LazyLock<tree_sitter::Language> =
    std::sync::LazyLock::new(|| tree_sitter_c::LANGUAGE.into());

static FIELDS: std::sync::LazyLock<FieldIds> = std::sync::LazyLock::new(|| {
    let id = |name: &str| C_LANGUAGE.field_id_for_name(name).map_or(0, |id| id.get());
    FieldIds {
        alternative: id("alternative"),
        argument: id("argument"),
        arguments: id("arguments"),
        body: id("body"),
        condition: id("condition"),
        consequence: id("consequence"),
        declarator: id("declarator"),
        field: id("field"),
        function: id("function"),
        initializer: id("initializer"),
        label: id("label"),
        left: id("left"),
        name: id("name"),
        operator: id("operator"),
        parameters: id("parameters"),
        right: id("right"),
        ty: id("type"),
        update: id("update"),
        value: id("value"),
    }
});

/// The grammar's node kind names by kind id.
static KIND_NAMES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let language: &'static tree_sitter::Language = &C_LANGUAGE;
    (0..language.node_kind_count() as u16)
        .map(|id| language.node_kind_for_id(id).unwrap_or(""))
        .collect()
});

trait KindName {
    /// `Node::kind`, without its `strlen` and UTF-8 check on every call.
    fn kind_name(&self) -> &'static str;
}

impl KindName for Node<'_> {
    fn kind_name(&self) -> &'static str {
        match self.kind_id() {
            // Tree-sitter's error symbol is `(TSSymbol)-1`, past the grammar's kinds.
            u16::MAX => "ERROR",
            id => KIND_NAMES.get(id as usize).copied().unwrap_or(""),
        }
    }
}

fn named_children<'t>(node: Node<'t>) -> impl Iterator<Item = Node<'t>> {
    (0..node.named_child_count() as u32)
        .filter_map(move |i| node.named_child(i))
        .filter(|c| c.kind_name() != "comment")
}

impl<'a> FileLowerer<'a> {
    fn text_of(&self, node: Node) -> &'a str {
        &self.text[node.byte_range()]
    }

    fn span(&self, node: Node) -> Span {
        Span::new(self.file, node.start_byte(), node.end_byte())
    }

    /// Walks the file outside function bodies: records structs, typedefs and globals, and
    /// returns the function definitions (also those tree-sitter left inside ERROR nodes).
    fn collect_declarations<'t>(&mut self, root: Node<'t>) -> Vec<Node<'t>> {
        let mut functions = Vec::new();
        // One cursor in document order; a child list per node allocated for every node
        // of a file's data tables cost as much as lowering the file's functions.
        let mut cursor = root.walk();
        loop {
            let node = cursor.node();
            let descend = match node.kind_name() {
                "function_definition" => {
                    self.record_return_type(node);
                    functions.push(node);
                    false
                }
                // A table's values declare nothing; `record_global` reads its ops.
                "initializer_list" => false,
                "ERROR" => {
                    self.facts.stats.error_nodes += 1;
                    true
                }
                "declaration" => {
                    self.record_global(node);
                    true
                }
                "type_definition" => {
                    self.record_typedef(node);
                    true
                }
                kind @ ("struct_specifier" | "union_specifier") => {
                    if let Some(name) = node.child_by_field_id(FIELDS.name) {
                        let kw = if kind == "struct_specifier" {
                            "struct"
                        } else {
                            "union"
                        };
                        let name = format!("{kw} {}", self.text_of(name));
                        self.record_struct(node, name);
                    }
                    true
                }
                _ => true,
            };
            if descend && cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    functions.sort_by_key(|n| n.start_byte());
                    return functions;
                }
            }
        }
    }

    fn record_struct(&mut self, node: Node, name: String) {
        let Some(body) = node.child_by_field_id(FIELDS.body) else {
            return;
        };
        let mut fields = Vec::new();
        self.collect_fields(body, &mut fields, 0);
        self.facts.structs.push(StructDef { name, fields });
    }

    fn collect_fields(&self, body: Node, fields: &mut Vec<FieldDef>, depth: usize) {
        if depth > 16 {
            return;
        }
        for decl in named_children(body) {
            if decl.kind_name() != "field_declaration" {
                continue;
            }
            let ty_node = decl.child_by_field_id(FIELDS.ty);
            let mut cursor = decl.walk();
            let declarators: Vec<Node> = decl
                .children_by_field_name("declarator", &mut cursor)
                .collect();
            if declarators.is_empty() {
                // An anonymous struct/union member: its fields belong to the parent.
                if let Some(t) = ty_node.filter(|t| t.child_by_field_id(FIELDS.body).is_some()) {
                    if let Some(b) = t.child_by_field_id(FIELDS.body) {
                        self.collect_fields(b, fields, depth + 1);
                    }
                }
                continue;
            }
            let ty = ty_node.and_then(|t| self.type_name(t));
            for d in declarators {
                if let Some(name) = declarator_name(d) {
                    fields.push(FieldDef {
                        name: self.text_of(name).to_string(),
                        ty: ty.clone(),
                    });
                }
            }
        }
    }

    /// `struct foo`, `union foo`, a typedef name or a primitive; `None` for anonymous types.
    fn type_name(&self, ty: Node) -> Option<String> {
        match ty.kind_name() {
            "struct_specifier" | "union_specifier" | "enum_specifier" => {
                let kw = &ty.kind_name()[..ty.kind_name().find('_').unwrap_or(0)];
                ty.child_by_field_id(FIELDS.name)
                    .map(|n| format!("{kw} {}", self.text_of(n)))
            }
            "type_identifier" | "primitive_type" | "sized_type_specifier" => Some(
                self.text_of(ty)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            _ => None,
        }
    }

    fn record_typedef(&mut self, node: Node) {
        let Some(ty) = node.child_by_field_id(FIELDS.ty) else {
            return;
        };
        let mut cursor = node.walk();
        let names: Vec<String> = node
            .children_by_field_name("declarator", &mut cursor)
            .filter_map(declarator_name)
            .map(|n| self.text_of(n).to_string())
            .collect();
        match self.type_name(ty) {
            Some(target) => {
                for n in names {
                    if n != target {
                        self.facts.typedefs.push((n, target.clone()));
                    }
                }
            }
            None if matches!(ty.kind_name(), "struct_specifier" | "union_specifier") => {
                // `typedef struct { ... } foo_t;`: the struct is known by the typedef name.
                if let Some(first) = names.first() {
                    self.record_struct(ty, first.clone());
                }
            }
            None => {}
        }
    }

    /// `struct foo *foo_get(...)` declares that `foo_get(x)->lock` is a `struct foo::lock`.
    fn record_return_type(&mut self, node: Node) {
        let Some(ty) = node
            .child_by_field_id(FIELDS.ty)
            .and_then(|t| self.type_name(t))
        else {
            return;
        };
        let mut cursor = node.walk();
        let declarators: Vec<Node> = node
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in declarators {
            if let Some(name) = find_function_declarator(d)
                .and_then(|f| f.child_by_field_id(FIELDS.declarator))
                .and_then(declarator_name)
            {
                self.facts
                    .return_types
                    .push((self.text_of(name).to_string(), ty.clone()));
            }
        }
    }

    fn record_global(&mut self, node: Node) {
        if !matches!(
            node.parent().map(|p| p.kind_name()),
            Some(
                "translation_unit"
                    | "ERROR"
                    | "linkage_specification"
                    | "declaration_list"
                    | "preproc_if"
                    | "preproc_ifdef"
                    | "preproc_else"
            )
        ) {
            return;
        }
        let is_static = has_storage_class(node, self.text, "static");
        let is_extern = has_storage_class(node, self.text, "extern");
        let ty = node
            .child_by_field_id(FIELDS.ty)
            .and_then(|t| self.type_name(t));
        let mut cursor = node.walk();
        let declarators: Vec<Node> = node
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in declarators {
            if is_function_declarator(d) {
                if let (Some(ty), Some(name)) = (
                    &ty,
                    find_function_declarator(d)
                        .and_then(|f| f.child_by_field_id(FIELDS.declarator))
                        .and_then(declarator_name),
                ) {
                    self.facts
                        .return_types
                        .push((self.text_of(name).to_string(), ty.clone()));
                }
                continue;
            }
            if let (Some(ty), Some(init)) = (&ty, d.child_by_field_id(FIELDS.value)) {
                if init.kind_name() == "initializer_list" {
                    self.record_initializer(ty, init, &mut Vec::new(), 0);
                }
            }
            if let Some(name) = declarator_name(d) {
                let name = self.text_of(name).to_string();
                if !is_extern || !self.file_globals.contains_key(&name) {
                    self.file_globals.insert(name.clone(), is_static);
                }
                self.facts.globals.push(GlobalDecl {
                    name,
                    ty: ty.clone(),
                    is_static,
                    lock_kind: None,
                });
            }
        }
    }

    fn intern_name(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = self.facts.names.len() as u32;
        self.facts.names.push(name.to_string());
        self.name_ids.insert(name.to_string(), id);
        id
    }

    /// `static const struct foo_ops ops = { .open = foo_open, .sub = { .x = g } };`:
    /// each function named in a designated initialiser is bound to the slot of its type
    /// and field path. Arrays of such structs (`{ { .open = f }, ... }`) bind the same way.
    fn record_initializer(&mut self, ty: &str, list: Node, path: &mut Vec<PathStep>, depth: usize) {
        if depth > 8 {
            return;
        }
        let mut cursor = list.walk();
        let items: Vec<Node> = list.named_children(&mut cursor).collect();
        for item in items {
            match item.kind_name() {
                "initializer_pair" => {
                    let mut c = item.walk();
                    let fields: Option<Vec<String>> = item
                        .children_by_field_name("designator", &mut c)
                        .map(|d| {
                            (d.kind_name() == "field_designator")
                                .then(|| d.named_child(0))
                                .flatten()
                                .map(|f| self.text_of(f).to_string())
                        })
                        .collect();
                    let (Some(fields), Some(value)) =
                        (fields, item.child_by_field_id(FIELDS.value))
                    else {
                        continue;
                    };
                    let depth_before = path.len();
                    path.extend(fields.into_iter().map(PathStep::Field));
                    self.bind_initializer_value(ty, value, path, depth);
                    path.truncate(depth_before);
                }
                // Positional elements of an array of structs.
                "initializer_list" if path.is_empty() => {
                    self.record_initializer(ty, item, path, depth + 1)
                }
                _ => {}
            }
        }
    }

    fn bind_initializer_value(
        &mut self,
        ty: &str,
        value: Node,
        path: &mut Vec<PathStep>,
        depth: usize,
    ) {
        match value.kind_name() {
            "initializer_list" => self.record_initializer(ty, value, path, depth + 1),
            "identifier" => {
                let name = self.text_of(value);
                if name.starts_with(char::is_uppercase) || path.is_empty() {
                    return;
                }
                let text = path
                    .iter()
                    .map(|s| match s {
                        PathStep::Field(f) => format!(".{f}"),
                        PathStep::Index => "[]".into(),
                    })
                    .collect::<String>();
                let slot = self.intern_slot(LockExpr {
                    root: LockRoot::Typed { ty: ty.to_string() },
                    path: path.clone(),
                    text: format!("({ty}){text}"),
                });
                let name = self.intern_name(name);
                self.facts.slot_bindings.push((slot, name));
            }
            _ => {}
        }
    }

    fn intern_slot(&mut self, expr: LockExpr) -> u32 {
        if let Some(&id) = self.slot_ids.get(&expr) {
            return id;
        }
        let id = self.facts.slots.len() as u32;
        self.facts.slots.push(expr.clone());
        self.slot_ids.insert(expr, id);
        id
    }

    fn intern_lock(&mut self, expr: LockExpr) -> LockId {
        if let Some(&id) = self.lock_ids.get(&expr) {
            return id;
        }
        let id = self.facts.locks.len() as LockId;
        self.facts.locks.push(expr.clone());
        self.lock_ids.insert(expr, id);
        id
    }

    fn lower_function(&mut self, node: Node) {
        let Some(declarator) = node.child_by_field_id(FIELDS.declarator) else {
            return;
        };
        let Some(fdecl) = find_function_declarator(declarator) else {
            return;
        };
        let Some(name_node) = fdecl
            .child_by_field_id(FIELDS.declarator)
            .and_then(declarator_name)
        else {
            return;
        };
        let Some(body) = node.child_by_field_id(FIELDS.body) else {
            return;
        };
        let mut name = self.text_of(name_node).to_string();
        if let Some(sys) = syscall_name(&name, fdecl, self.text) {
            name = sys;
        }
        let is_static = has_storage_class(node, self.text, "static");
        lockorder_ir::fault_point("lower", &name);
        let mut fb = FnBuilder::new(self, name.clone());
        let mut params = Vec::new();
        if let Some(params_node) = fdecl.child_by_field_id(FIELDS.parameters) {
            for p in named_children(params_node) {
                if p.kind_name() != "parameter_declaration" {
                    continue;
                }
                let ty = p
                    .child_by_field_id(FIELDS.ty)
                    .and_then(|t| fb.fl.type_name(t));
                let declarator = p.child_by_field_id(FIELDS.declarator);
                if let Some(n) = declarator.and_then(declarator_name) {
                    let pname = fb.fl.text_of(n).to_string();
                    params.push(pname.clone());
                    if declarator.is_some_and(|d| d.kind_name() != "identifier") {
                        // `int *locked`, `u8 buf[]`: not the scalar its type names.
                        fb.pointers.insert(pname.clone());
                    }
                    fb.scopes[0].vars.insert(pname, ty);
                }
            }
        }
        fb.params = params.clone();
        fb.degraded = body.has_error();
        let head = node.start_byte() as u32..body.start_byte() as u32;
        let annotations: Vec<(AnnotationKind, String)> = fb
            .fl
            .facts
            .annotations
            .iter()
            .filter(|a| head.contains(&a.span.start))
            .map(|a| (a.kind, a.argument.clone()))
            .collect();
        // `__must_hold(x)` and `__releases(x)`: the caller holds x on entry.
        let held_on_entry = annotations
            .iter()
            .filter(|(k, _)| matches!(k, AnnotationKind::MustHold | AnnotationKind::Releases))
            .map(|(_, arg)| fb.lock_from_text(arg))
            .collect();
        // `__acquires(x)`: the function returns holding x, by contract.
        let returns_holding = annotations
            .iter()
            .filter(|(k, _)| matches!(k, AnnotationKind::Acquires | AnnotationKind::CondAcquires))
            .map(|(_, arg)| fb.lock_from_text(arg))
            .collect();
        fb.function_body(body);
        fb.switch_tests();
        let mut blocks = std::mem::take(&mut fb.blocks);
        let mut call_args = std::mem::take(&mut fb.call_args);
        drop_unused_args(&mut blocks, &mut call_args, &params, &fb.fl.facts.names);
        let mut var_params: Vec<(VarId, u8)> = params
            .iter()
            .enumerate()
            .take(u8::MAX as usize)
            .filter_map(|(i, p)| Some((*fb.vars.get(p.as_str())?, i as u8)))
            .collect();
        var_params.sort_unstable();
        let var_facts = fb.var_facts(&blocks, &call_args, &params);
        let mut function = Function {
            name,
            name_span: fb.fl.span(name_node),
            is_static,
            blocks,
            call_args,
            atom_vars: fb.atom_vars,
            atom_var: fb.atom_var,
            var_count: fb.vars.len() as u32,
            degraded: fb.degraded || fb.too_deep,
            too_deep: fb.too_deep,
            labels: fb.defined_labels,
            params,
            held_on_entry,
            returns_holding,
            annotations,
            var_params,
            var_facts,
        };
        // The builder leaves a fresh block after every jump and one per statement.
        function.compact();
        self.facts.stats.functions += 1;
        if function.degraded {
            self.facts.stats.degraded_functions += 1;
        }
        self.facts.functions.push(function);
    }
}

fn has_storage_class(node: Node, text: &str, class: &str) -> bool {
    named_children(node)
        .any(|c| c.kind_name() == "storage_class_specifier" && &text[c.byte_range()] == class)
}

fn is_function_declarator(mut d: Node) -> bool {
    loop {
        match d.kind_name() {
            "function_declarator" => return true,
            "pointer_declarator"
            | "init_declarator"
            | "attributed_declarator"
            | "parenthesized_declarator" => {
                match d
                    .child_by_field_id(FIELDS.declarator)
                    .or_else(|| d.named_child(0))
                {
                    Some(c) => d = c,
                    None => return false,
                }
            }
            _ => return false,
        }
    }
}

/// The identifier a declarator declares.
fn declarator_name(mut d: Node) -> Option<Node> {
    for _ in 0..64 {
        match d.kind_name() {
            "identifier" | "field_identifier" | "type_identifier" => return Some(d),
            "pointer_declarator"
            | "array_declarator"
            | "init_declarator"
            | "function_declarator"
            | "attributed_declarator" => {
                d = d.child_by_field_id(FIELDS.declarator)?;
            }
            "parenthesized_declarator" => d = named_children(d).next()?,
            _ => return None,
        }
    }
    None
}

fn find_function_declarator(mut d: Node) -> Option<Node> {
    for _ in 0..64 {
        match d.kind_name() {
            "function_declarator" => {
                // `int (*f(void))(int)`: the outer one declares a function returning a pointer.
                let inner = d.child_by_field_id(FIELDS.declarator)?;
                if inner.kind_name() == "parenthesized_declarator" {
                    if let Some(f) = named_children(inner)
                        .next()
                        .and_then(find_function_declarator)
                    {
                        return Some(f);
                    }
                }
                return Some(d);
            }
            "pointer_declarator" | "attributed_declarator" => {
                d = d.child_by_field_id(FIELDS.declarator)?
            }
            "parenthesized_declarator" => d = named_children(d).next()?,
            _ => return None,
        }
    }
    None
}

/// `SYSCALL_DEFINE3(open, ...)` defines `sys_open`.
fn syscall_name(name: &str, fdecl: Node, text: &str) -> Option<String> {
    let prefix = if name.starts_with("SYSCALL_DEFINE") {
        "sys_"
    } else if name.starts_with("COMPAT_SYSCALL_DEFINE") {
        "compat_sys_"
    } else {
        return None;
    };
    let params = fdecl.child_by_field_id(FIELDS.parameters)?;
    let first = named_children(params).next()?;
    let n: String = text[first.byte_range()].split_whitespace().collect();
    Some(format!("{prefix}{n}"))
}

#[derive(Default)]
struct Scope {
    vars: HashMap<String, Option<String>>,
    /// Cleanup guards declared in this scope, released at its end.
    guards: Vec<(LockId, Acquire)>,
}

struct JumpTarget {
    brk: BlockId,
    cont: Option<BlockId>,
    depth: usize,
}

struct FnBuilder<'f, 'a> {
    fl: &'f mut FileLowerer<'a>,
    function: String,
    blocks: Vec<Block>,
    cur: BlockId,
    scopes: Vec<Scope>,
    jumps: Vec<JumpTarget>,
    labels: HashMap<String, (BlockId, Option<usize>)>,
    defined_labels: Vec<(String, Span)>,
    atoms: HashMap<String, AtomId>,
    atom_vars: Vec<Vec<VarId>>,
    atom_var: Vec<Option<VarId>>,
    /// Atoms `x == C` by the variable `x` (see `VarFact::Compares`).
    atom_groups: Vec<(AtomId, VarId)>,
    /// Per variable, the places that compare it with constants (a switch, an `if`).
    compare_sites: HashMap<VarId, u32>,
    /// Tests of a parameter against a named constant: atom, variable, the constant's
    /// interned text, whether it tests a bit (see `VarFact::Equals`, `VarFact::Masks`).
    constant_tests: Vec<(AtomId, VarId, u32, bool)>,
    /// Switches whose dispatch may become tests of their value (see `switch_tests`).
    switches: Vec<SwitchTests>,
    /// Variables holding the result of a call that drops locks where the result's bits
    /// say so, with the flag names their tests use: a flag's bit is its position among
    /// its variable's.
    result_bits: Vec<(VarId, String)>,
    /// Atoms testing bits of such a variable (see `VarFact::Bits`).
    bit_tests: Vec<(AtomId, VarId, u32)>,
    vars: HashMap<String, VarId>,
    /// The call being lowered as a branch condition, if any.
    condition_call: Option<usize>,
    /// The left side of the assignment whose right side is being lowered, when that is a
    /// call registering its result (`dev->task = kthread_run(...)`).
    assign_target: Option<LockExpr>,
    /// Argument ids of the function's calls (see `Function::call_args`).
    call_args: Vec<u32>,
    /// Variables declared as pointers: a non-zero pointer is a success, a non-zero
    /// integer usually an error.
    pointers: HashSet<String>,
    /// The parameters' names.
    params: Vec<String>,
    degraded: bool,
    /// Byte ranges of branches taken where a warning fires (`if (WARN_ON(x)) ...`).
    warning_paths: Vec<(u32, u32)>,
    /// Nesting beyond [`MAX_NESTING`] was cut off.
    too_deep: bool,
    nesting: usize,
    /// Parameters whose first dereference was recorded (see `Event::Deref`).
    dereferenced: HashSet<String>,
}

impl<'f, 'a> FnBuilder<'f, 'a> {
    fn new(fl: &'f mut FileLowerer<'a>, function: String) -> Self {
        FnBuilder {
            fl,
            function,
            blocks: vec![Block {
                events: Vec::new(),
                terminator: Terminator::Unreachable,
            }],
            cur: 0,
            scopes: vec![Scope::default()],
            jumps: Vec::new(),
            labels: HashMap::new(),
            defined_labels: Vec::new(),
            atoms: HashMap::new(),
            atom_vars: Vec::new(),
            atom_var: Vec::new(),
            atom_groups: Vec::new(),
            compare_sites: HashMap::new(),
            constant_tests: Vec::new(),
            switches: Vec::new(),
            result_bits: Vec::new(),
            bit_tests: Vec::new(),
            vars: HashMap::new(),
            pointers: Default::default(),
            params: Vec::new(),
            condition_call: None,
            assign_target: None,
            call_args: Vec::new(),
            degraded: false,
            warning_paths: Vec::new(),
            too_deep: false,
            nesting: 0,
            dereferenced: Default::default(),
        }
    }

    fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block {
            events: Vec::new(),
            terminator: Terminator::Unreachable,
        });
        (self.blocks.len() - 1) as BlockId
    }

    fn emit(&mut self, e: Event) {
        self.blocks[self.cur as usize].events.push(e);
    }

    /// Ends the current block; code that follows goes to a fresh block with no
    /// predecessor until a label or join gives it one.
    fn finish(&mut self, t: Terminator) {
        self.blocks[self.cur as usize].terminator = t;
        self.cur = self.new_block();
    }

    fn goto(&mut self, target: BlockId) {
        self.finish(Terminator::Goto(target));
        self.cur = target;
    }

    fn span(&self, n: Node) -> Span {
        self.fl.span(n)
    }

    fn text(&self, n: Node) -> &'a str {
        self.fl.text_of(n)
    }

    fn var(&mut self, name: &str) -> VarId {
        let next = self.vars.len() as VarId;
        *self.vars.entry(name.to_string()).or_insert(next)
    }

    /// The atom for a condition expression, keyed by its text without whitespace.
    fn atom(&mut self, n: Node) -> AtomId {
        let key: String = self.text(n).split_whitespace().collect();
        self.atom_keyed(n, key)
    }

    /// The atom of condition `n`, known by `key`.
    fn atom_keyed(&mut self, n: Node, key: String) -> AtomId {
        if let Some(&a) = self.atoms.get(&key) {
            return a;
        }
        let mut idents = Vec::new();
        collect_identifiers(n, &mut idents, 0);
        let vars = idents
            .iter()
            .map(|&i| self.text(i).split_whitespace().collect::<String>())
            .collect::<Vec<_>>();
        let vars: Vec<VarId> = vars.iter().map(|v| self.var(v)).collect();
        let simple = match n.kind_name() {
            "identifier" | "field_expression" => Some(self.var(&key)),
            _ => None,
        };
        self.new_atom(key, vars, simple)
    }

    fn atom_for_var(&mut self, name: &str) -> AtomId {
        if let Some(&a) = self.atoms.get(name) {
            return a;
        }
        let v = self.var(name);
        self.new_atom(name.to_string(), vec![v], Some(v))
    }

    /// The atom of `*p` for a pointer variable `p`: it reads what `p` points to, which
    /// `*p = 1` writes (and a callee passed `p` may), and `p` itself.
    fn atom_for_pointee(&mut self, name: &str) -> AtomId {
        let key = pointee_name(name);
        if let Some(&a) = self.atoms.get(&key) {
            return a;
        }
        let v = self.var(&key);
        let p = self.var(name);
        self.new_atom(key, vec![v, p], Some(v))
    }

    /// A fresh atom no other condition shares (a trylock tested where it is called).
    fn fresh_atom(&mut self) -> AtomId {
        let key = format!("#{}", self.atom_vars.len());
        self.new_atom(key, Vec::new(), None)
    }

    fn new_atom(&mut self, key: String, vars: Vec<VarId>, simple: Option<VarId>) -> AtomId {
        let id = self.atom_vars.len() as AtomId;
        self.atom_vars.push(vars);
        self.atom_var.push(simple);
        self.atoms.insert(key, id);
        id
    }

    /// For `x > 0`, `0 < x` (true where `x` is) and `x <= 0` (true where it is not) on an
    /// unsigned scalar variable `x` (`n` the comparison, `l` and `r` its sides): `x` and
    /// that polarity.
    fn unsigned_zero_test<'t>(
        &self,
        n: Node<'t>,
        l: Node<'t>,
        r: Node<'t>,
    ) -> Option<(Node<'t>, bool)> {
        let (var, truth) = match self.op(n) {
            ">" if is_zero(self.text(r)) => (l, true),
            "<" if is_zero(self.text(l)) => (r, true),
            "<=" if is_zero(self.text(r)) => (l, false),
            _ => return None,
        };
        let var = strip_parens(var);
        if var.kind_name() != "identifier" || self.pointers.contains(self.text(var)) {
            return None;
        }
        let ty = self.lookup_var_type(self.text(var))??;
        is_unsigned_type(&ty).then_some((var, truth))
    }

    fn lookup_var_type(&self, name: &str) -> Option<Option<String>> {
        self.scopes
            .iter()
            .rev()
            .find_map(|s| s.vars.get(name).cloned())
    }

    // ---- lock expressions ----

    fn lock_expr(&mut self, arg: Node) -> LockId {
        let e = self.path_expr(arg);
        self.fl.intern_lock(e)
    }

    /// A function-pointer slot: the pointer an indirect call goes through.
    fn slot(&mut self, n: Node) -> u32 {
        let e = self.path_expr(n);
        self.fl.intern_slot(e)
    }

    /// What a call means for execution contexts: a sleep, a wait for registered work, a
    /// registration of a function to run in some context.
    fn contexts_of_call(&mut self, name: &str, call: Node, span: Span) {
        let args: Vec<Node> = call
            .child_by_field_id(FIELDS.arguments)
            .map(|a| named_children(a).collect())
            .unwrap_or_default();
        if let Some(&gfp_arg) = self.fl.rules.blocking.get(name) {
            let sleeps = match gfp_arg {
                None => true,
                Some(i) => args
                    .get(i)
                    .is_some_and(|a| self.fl.rules.gfp_may_sleep(self.text(*a))),
            };
            if sleeps {
                let fault = self
                    .fl
                    .rules
                    .apis
                    .get(name)
                    .is_some_and(|r| r.op == Op::Fault);
                let name = self.fl.intern_name(name);
                self.emit(Event::Sleep { name, span, fault });
            }
        }
        if let Some(&(kind, object_arg)) = self.fl.rules.waits.get(name) {
            if let Some(&object) = args.get(object_arg) {
                let object = self.lock_expr(object);
                self.emit(Event::WaitFor { object, kind, span });
            }
        }
        let Some(regs) = self.fl.rules.registrations.get(name).cloned() else {
            return;
        };
        for r in regs {
            let Some(function) = args
                .get(r.function_arg)
                .and_then(|a| function_name(*a, self.fl.text))
            else {
                continue;
            };
            let object = if r.object_is_result {
                self.assign_target.clone().map(|t| self.fl.intern_lock(t))
            } else {
                r.object_arg
                    .and_then(|i| args.get(i))
                    .map(|o| self.lock_expr(*o))
            };
            let function = self.fl.intern_name(function);
            let via = self.fl.intern_name(name);
            self.fl
                .facts
                .registrations
                .push(lockorder_ir::Registration {
                    function,
                    context: r.context,
                    object,
                    waited_by: r.waited_by,
                    span,
                    via,
                });
        }
    }

    /// `ops->open = foo_open;` or `fn = foo_open;`: a function (if `value` names one)
    /// stored in a slot that indirect calls may go through.
    fn bind_slot(&mut self, slot: Node, value: Node) {
        let name = self.text(value);
        let is_slot = match slot.kind_name() {
            "field_expression" => true,
            "identifier" => self.lookup_var_type(self.text(slot)).is_some(),
            _ => false,
        };
        if !is_slot || self.lookup_var_type(name).is_some() || name.starts_with(char::is_uppercase)
        {
            return;
        }
        let name = self.fl.intern_name(name);
        let slot = self.slot(slot);
        self.fl.facts.slot_bindings.push((slot, name));
    }

    /// An expression as a typed path from its root (`&dev->lock`, `ops->open`).
    fn path_expr(&mut self, arg: Node) -> LockExpr {
        let mut n = arg;
        let mut path = Vec::new();
        let root = loop {
            match n.kind_name() {
                "parenthesized_expression" => match named_children(n).next() {
                    Some(c) => n = c,
                    None => break LockRoot::Opaque,
                },
                "cast_expression" => {
                    // `((struct foo *)p)->lock`: the cast names the type.
                    let ty = n
                        .child_by_field_id(FIELDS.ty)
                        .and_then(|t| t.child_by_field_id(FIELDS.ty))
                        .and_then(|t| self.fl.type_name(t));
                    match (ty, n.child_by_field_id(FIELDS.value)) {
                        (Some(ty), _) if !path.is_empty() => break LockRoot::Typed { ty },
                        (_, Some(c)) => n = c,
                        _ => break LockRoot::Opaque,
                    }
                }
                "call_expression" => break self.call_root(n),
                "pointer_expression" => match n.child_by_field_id(FIELDS.argument) {
                    Some(c) => n = c,
                    None => break LockRoot::Opaque,
                },
                "field_expression" => {
                    if let Some(f) = n.child_by_field_id(FIELDS.field) {
                        path.push(PathStep::Field(self.text(f).to_string()));
                    }
                    match n.child_by_field_id(FIELDS.argument) {
                        Some(c) => n = c,
                        None => break LockRoot::Opaque,
                    }
                }
                "subscript_expression" => {
                    path.push(PathStep::Index);
                    match n.child_by_field_id(FIELDS.argument) {
                        Some(c) => n = c,
                        None => break LockRoot::Opaque,
                    }
                }
                "identifier" => {
                    let name = self.text(n).to_string();
                    break match self.lookup_var_type(&name) {
                        Some(ty) => LockRoot::Var {
                            name,
                            ty,
                            function: self.function.clone(),
                        },
                        None => self.global_root(name),
                    };
                }
                _ => break LockRoot::Opaque,
            }
        };
        path.reverse();
        let text: String = self.text(arg).split_whitespace().collect();
        LockExpr { root, path, text }
    }

    /// A lock expression written in an annotation (`&dev->lock`, `sem`), resolved like
    /// the same text in the body would be.
    fn lock_from_text(&mut self, text: &str) -> LockId {
        let t: String = text.split_whitespace().collect();
        let body = t
            .trim_start_matches('&')
            .trim_start_matches('(')
            .trim_end_matches(')');
        let ident_end = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        let (name, mut rest) = body.split_at(ident_end);
        // `unix_sk(s)->lock`: the call's result, typed by the callee.
        let mut call_root = None;
        if rest.starts_with('(') {
            if let Some(close) = macros::matching(rest, 0) {
                let args = &rest[1..];
                let i = close - 1;
                call_root = Some(match self.fl.rules.typed_results.get(name) {
                    Some(&k) => match split_top_level(&args[..i]).get(k) {
                        Some(t) => LockRoot::Typed {
                            ty: t.trim_end_matches('*').trim().to_string(),
                        },
                        None => LockRoot::Opaque,
                    },
                    None => LockRoot::Returned {
                        callee: name.to_string(),
                    },
                });
                rest = &args[i + 1..];
            }
        }
        let mut path = Vec::new();
        let mut ok = !name.is_empty();
        while ok && !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("->").or_else(|| rest.strip_prefix('.')) {
                let end = r
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(r.len());
                path.push(PathStep::Field(r[..end].to_string()));
                ok = end > 0;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']').map_or(r.len(), |e| e + 1);
                path.push(PathStep::Index);
                rest = &r[end..];
            } else {
                ok = false;
            }
        }
        let root = if !ok {
            path.clear();
            LockRoot::Opaque
        } else if let Some(root) = call_root {
            root
        } else {
            match self.lookup_var_type(name) {
                Some(ty) => LockRoot::Var {
                    name: name.to_string(),
                    ty,
                    function: self.function.clone(),
                },
                None => self.global_root(name.to_string()),
            }
        };
        self.fl.intern_lock(LockExpr {
            root,
            path,
            text: t,
        })
    }

    /// The root a name no local declares starts: a file-scope object, or a name the rules
    /// type (`current->sighand->siglock` starts in `struct task_struct`) unless this file
    /// declares an object of that name.
    fn global_root(&self, name: String) -> LockRoot {
        let file_static = self.fl.file_globals.get(&name).copied();
        match (file_static, self.fl.rules.typed_names.get(&name)) {
            (None, Some(ty)) => LockRoot::Typed { ty: ty.clone() },
            (file_static, _) => LockRoot::Global {
                file_static: file_static.unwrap_or(false),
                name,
            },
        }
    }

    /// The root of `f(x)->lock`: a `container_of`-style macro names its type; any other
    /// call is typed by its declared return type, resolved program-wide.
    fn call_root(&self, call: Node) -> LockRoot {
        let Some(func) = call
            .child_by_field_id(FIELDS.function)
            .filter(|f| f.kind_name() == "identifier")
        else {
            return LockRoot::Opaque;
        };
        let name = self.text(func);
        if let Some(&arg) = self.fl.rules.typed_results.get(name) {
            let args = call
                .child_by_field_id(FIELDS.arguments)
                .map(|a| self.text(a))
                .unwrap_or("");
            let inner = args.trim().trim_start_matches('(').trim_end_matches(')');
            return match split_top_level(inner).get(arg) {
                Some(t) if !t.contains('(') => LockRoot::Typed {
                    ty: t
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .trim_end_matches('*')
                        .trim()
                        .to_string(),
                },
                _ => LockRoot::Opaque,
            };
        }
        LockRoot::Returned {
            callee: name.to_string(),
        }
    }

    // ---- statements ----

    fn function_body(&mut self, body: Node) {
        self.block(body);
        let close = closing_brace_span(self, body);
        self.finish(Terminator::Return {
            span: close,
            value: ReturnValue::Void,
            atom: None,
            pointer: false,
        });
    }

    /// Emits the releases of cleanup guards in scopes deeper than `depth`, innermost first.
    fn release_guards(&mut self, depth: usize, span: Span) {
        let mut releases = Vec::new();
        for scope in self.scopes[depth.min(self.scopes.len())..].iter().rev() {
            for &(lock, acq) in scope.guards.iter().rev() {
                releases.push(Event::Release {
                    lock,
                    kind: acq.kind,
                    mode: acq.mode,
                    span,
                });
            }
        }
        for e in releases {
            self.emit(e);
        }
    }

    /// A `{ ... }` block: a scope whose cleanup guards are released at its closing brace.
    fn block(&mut self, n: Node) {
        self.scopes.push(Scope::default());
        for s in named_children(n) {
            self.stmt(s);
        }
        let close = closing_brace_span(self, n);
        let depth = self.scopes.len() - 1;
        self.release_guards(depth, close);
        self.scopes.pop();
    }

    fn stmt(&mut self, n: Node) {
        self.nested(|fb| fb.stmt_inner(n));
    }

    fn stmt_inner(&mut self, n: Node) {
        match n.kind_name() {
            "compound_statement" => self.block(n),
            "expression_statement" => {
                if let Some(e) = named_children(n).next() {
                    self.expr_stmt(e);
                }
            }
            "declaration" => self.declaration(n),
            "if_statement" => self.if_stmt(n),
            "while_statement" => {
                if self.fl.orig[n.start_byte()..].starts_with("scoped_") {
                    self.scoped_guard(n);
                } else {
                    self.while_stmt(n);
                }
            }
            "do_statement" => self.do_stmt(n),
            "for_statement" => self.for_stmt(n),
            "switch_statement" => self.switch_stmt(n),
            "case_statement" => {
                // A case label outside a recognised switch body: lower its statements.
                let value = n.child_by_field_id(FIELDS.value).map(|v| v.id());
                for s in named_children(n).filter(|c| Some(c.id()) != value) {
                    self.stmt(s);
                }
            }
            "return_statement" => self.return_stmt(n, named_children(n).next()),
            "break_statement" | "continue_statement" => {
                let want_cont = n.kind_name() == "continue_statement";
                let target = self
                    .jumps
                    .iter()
                    .rev()
                    .find(|j| !want_cont || j.cont.is_some());
                if let Some(j) = target {
                    let (to, depth) = (
                        if want_cont {
                            j.cont.unwrap_or(j.brk)
                        } else {
                            j.brk
                        },
                        j.depth,
                    );
                    let span = self.span(n);
                    self.release_guards(depth, span);
                    self.finish(Terminator::Goto(to));
                }
            }
            "goto_statement" => {
                if let Some(l) = n.child_by_field_id(FIELDS.label) {
                    let name = self.text(l).to_string();
                    let (target, depth) = self.label(&name);
                    // A label not seen yet is assumed at function level, where cleanup
                    // ladders live.
                    let span = self.span(n);
                    self.release_guards(depth.unwrap_or(2), span);
                    self.finish(Terminator::Goto(target));
                }
            }
            "labeled_statement" => {
                if let Some(l) = n.child_by_field_id(FIELDS.label) {
                    let name = self.text(l).to_string();
                    let span = self.span(l);
                    self.defined_labels.push((name.clone(), span));
                    let (target, _) = self.label(&name);
                    let depth = self.scopes.len();
                    self.labels.insert(name, (target, Some(depth)));
                    self.goto(target);
                }
                let label = n.child_by_field_id(FIELDS.label).map(|l| l.id());
                for s in named_children(n).filter(|c| Some(c.id()) != label) {
                    self.stmt(s);
                }
            }
            "attributed_statement" => {
                for s in named_children(n).filter(|c| c.kind_name() != "attribute_declaration") {
                    self.stmt(s);
                }
            }
            "ERROR" => {
                self.degraded = true;
                for c in named_children(n) {
                    if is_statement(c.kind_name()) {
                        self.stmt(c);
                    } else {
                        self.expr(c);
                    }
                }
            }
            k if k.starts_with("preproc_")
                || k == "type_definition"
                || k == "gnu_asm_expression" => {}
            _ => self.expr(n),
        }
    }

    fn label(&mut self, name: &str) -> (BlockId, Option<usize>) {
        if let Some(&l) = self.labels.get(name) {
            return l;
        }
        let b = self.new_block();
        self.labels.insert(name.to_string(), (b, None));
        (b, None)
    }

    fn declaration(&mut self, n: Node) {
        let ty = n
            .child_by_field_id(FIELDS.ty)
            .and_then(|t| self.fl.type_name(t));
        let mut cursor = n.walk();
        let declarators: Vec<Node> = n
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in declarators {
            let Some(name) = declarator_name(d) else {
                continue;
            };
            let name = self.text(name).to_string();
            if let Some(scope) = self.scopes.last_mut() {
                scope.vars.insert(name.clone(), ty.clone());
            }
            let inner = if d.kind_name() == "init_declarator" {
                d.child_by_field_id(FIELDS.declarator)
            } else {
                Some(d)
            };
            if inner.is_some_and(|i| i.kind_name() == "pointer_declarator") {
                self.pointers.insert(name.clone());
            }
            if d.kind_name() == "init_declarator" {
                if let Some(v) = d.child_by_field_id(FIELDS.value) {
                    self.assign_value(&name, v);
                }
            }
        }
    }

    /// `name = value`: a conditional lock call's result is tied to `name`, so a later
    /// `if (name)` decides whether the lock is held.
    fn assign_value(&mut self, name: &str, value: Node) {
        let inner = strip_parens(value);
        // `contended = !spin_trylock_irq(&lock);`: the variable says the opposite.
        let (tested, negated) = self.strip_negations(inner);
        if let Some((rule, call)) = self.lock_call(tested) {
            if matches!(rule.op, Op::Trylock | Op::Conditional) {
                self.call_args(call);
                let v = self.var(name);
                self.emit(Event::Assign {
                    var: v,
                    value: None,
                });
                let atom = self.atom_for_var(name);
                self.cond_acquire_tested(call, rule, atom, negated);
                return;
            }
        }
        // `bool not_lockless = !rtnl_held && !(ops->flags & F);`: a flag computed from
        // tests is those tests, taken as branches, with the flag set on each side — so
        // that `if (not_lockless) rtnl_lock();` is guarded by what it says of `rtnl_held`.
        if self.is_logical(inner) {
            let v = self.var(name);
            let (t, f, join) = (self.new_block(), self.new_block(), self.new_block());
            self.cond(inner, t, f);
            for (block, value) in [(t, ReturnValue::One), (f, ReturnValue::Zero)] {
                self.cur = block;
                self.emit(Event::Assign {
                    var: v,
                    value: Some(value),
                });
                self.goto(join);
            }
            self.cur = join;
            return;
        }
        self.expr(value);
        let v = self.var(name);
        // `start_pte = pte = pte_offset_map_lock(...)`: either variable tells whether the
        // lock was taken.
        if let Some(alias) = self.assigned_name(inner) {
            self.emit(Event::Assign {
                var: v,
                value: None,
            });
            let from = self.atom_for_var(&alias);
            let to = self.atom_for_var(name);
            let events = &self.blocks[self.cur as usize].events;
            if let Some(Event::CondAcquire {
                acq, success, span, ..
            }) = events
                .iter()
                .rev()
                .find(|e| matches!(e, Event::CondAcquire { atom, .. } if *atom == from))
                .cloned()
            {
                self.emit(Event::CondAcquire {
                    acq,
                    atom: to,
                    success,
                    span,
                });
            }
            return;
        }
        let text = self.text(inner);
        let constant = match return_value(text) {
            ReturnValue::Other => None,
            ReturnValue::Error if is_error_pointer(&constant_text(text)) => {
                Some(ReturnValue::ErrorPointer)
            }
            c => Some(c),
        };
        self.emit(Event::Assign {
            var: v,
            value: constant,
        });
        if constant.is_none() && inner.kind_name() == "identifier" {
            let from = self.var(text);
            if from != v {
                self.emit(Event::Copy { var: v, from });
            }
        }
        if inner.kind_name() == "call_expression" {
            let atom = self.atom_for_var(name);
            self.tag_call_result(inner, atom);
            self.release_on_result(inner, v);
        }
    }

    /// `path->nodes[level] = eb;`, `*out = eb;` into memory a parameter leads to: the
    /// locks reached through `eb` go to the caller with it.
    fn hand_off(&mut self, n: Node, l: Node, r: Node) {
        let r = strip_parens(r);
        if self.op(n) != "="
            || r.kind_name() != "identifier"
            || !self.pointers.contains(self.text(r))
        {
            return;
        }
        let mut root = strip_parens(l);
        let mut depth = 0;
        while depth < 16
            && matches!(
                root.kind_name(),
                "field_expression" | "subscript_expression" | "pointer_expression"
            )
        {
            let Some(x) = root.child_by_field_id(FIELDS.argument) else {
                return;
            };
            root = strip_parens(x);
            depth += 1;
        }
        let param = self.params.iter().position(|p| p == self.text(root));
        if let Some(param) = param.filter(|_| depth > 0 && root.kind_name() == "identifier") {
            let var = self.var(self.text(r));
            let param = u8::try_from(param).unwrap_or(u8::MAX);
            self.emit(Event::HandOff { var, param });
        }
    }

    /// `n` without the `!`s (and parentheses) in front of it, and whether there was an odd
    /// number of them.
    fn strip_negations<'t>(&self, mut n: Node<'t>) -> (Node<'t>, bool) {
        let mut negated = false;
        n = strip_parens(n);
        while n.kind_name() == "unary_expression" && self.op(n) == "!" {
            let Some(a) = n.child_by_field_id(FIELDS.argument) else {
                break;
            };
            n = strip_parens(a);
            negated = !negated;
        }
        (n, negated)
    }

    /// A condition made of `&&`, `||` and `!` (not a lone `!` of a call, whose result a
    /// variable may carry on as it is).
    fn is_logical(&self, n: Node) -> bool {
        match n.kind_name() {
            "binary_expression" => matches!(self.op(n), "&&" | "||"),
            "unary_expression" if self.op(n) == "!" => n
                .child_by_field_id(FIELDS.argument)
                .map(strip_parens)
                .is_some_and(|a| a.kind_name() != "call_expression"),
            _ => false,
        }
    }

    /// `fault = handle_mm_fault(vma, ...)`, a call that drops locks where bits of its
    /// result say so: each of them, if held, pends on a test of those bits of `var`.
    fn release_on_result(&mut self, call: Node, var: VarId) {
        let Some(func) = call
            .child_by_field_id(FIELDS.function)
            .filter(|f| f.kind_name() == "identifier")
        else {
            return;
        };
        let Some(rule) = self.fl.rules.result_releases.get(self.text(func)) else {
            return;
        };
        let Some(bits) = self.bit_mask(var, rule.bits.iter().map(String::as_str)) else {
            return;
        };
        let key = format!("#{}", self.atom_vars.len());
        let atom = self.new_atom(key, vec![var], None);
        self.bit_tests.push((atom, var, bits));
        let span = self.span(call);
        for (ty, field) in rule.locks.clone() {
            let lock = self.fl.intern_lock(LockExpr {
                text: format!("{ty}::{field}"),
                root: LockRoot::Typed { ty },
                path: vec![PathStep::Field(field)],
            });
            self.emit(Event::ReleaseOnResult { lock, atom, span });
        }
    }

    /// The bits of `var` the flags `names` stand for, numbered in the order the function
    /// names them; `None` past 32 flags.
    fn bit_mask<'n>(&mut self, var: VarId, names: impl Iterator<Item = &'n str>) -> Option<u32> {
        let mut mask = 0u32;
        for name in names {
            let mut of_var = self.result_bits.iter().filter(|b| b.0 == var);
            let bit = match of_var.position(|b| b.1 == name) {
                Some(bit) => bit,
                None => {
                    let bit = self.result_bits.iter().filter(|b| b.0 == var).count();
                    self.result_bits.push((var, name.to_string()));
                    bit
                }
            };
            mask |= 1u32.checked_shl(bit as u32)?;
        }
        Some(mask)
    }

    /// What the function's variables say about its locks and tests (see `VarFact`): the
    /// variables holding the address of a lock `blocks` take or release (`spin_unlock(ptl)`,
    /// `spin_unlock(vmf->ptl)`), those the function tests that such a lock is reached
    /// through (`&resource->conf_update` and `if (resource)`), the comparisons with
    /// constants, the tested variables whose address a call is passed (`&locked`), and
    /// what the parameters written through point to (`*locked`).
    fn var_facts(
        &mut self,
        blocks: &[Block],
        call_args: &[u32],
        params: &[String],
    ) -> Vec<VarFact> {
        let is_ident =
            |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let mut locks: Vec<LockId> = blocks
            .iter()
            .flat_map(|b| &b.events)
            .filter_map(|e| match e {
                Event::Acquire { acq, .. } | Event::CondAcquire { acq, .. } => Some(acq.lock),
                Event::Release { lock, .. } => Some(*lock),
                _ => None,
            })
            .collect();
        locks.sort_unstable();
        locks.dedup();
        let texts: Vec<(LockId, String)> = locks
            .iter()
            .filter_map(|&l| Some((l, self.fl.facts.locks.get(l as usize)?.text.clone())))
            .collect();
        let mut facts: Vec<VarFact> = texts
            .iter()
            .filter(|(_, t)| t.split("->").flat_map(|p| p.split('.')).all(is_ident))
            .map(|(l, t)| VarFact::LockAddress(*l, self.var(t)))
            .collect();
        facts.extend(texts.iter().filter_map(|(l, t)| {
            let (root, _) = t.trim_start_matches('&').split_once("->")?;
            is_ident(root).then_some(())?;
            Some(VarFact::LockRoot(*l, *self.vars.get(root)?))
        }));
        facts.extend(
            self.atom_groups
                .iter()
                .map(|&(a, v)| VarFact::Compares(a, v)),
        );
        // `helper(mm, &locked)`: the helper may say through it whether it dropped a lock,
        // or hand back a pointer whose lock it left held.
        let tested: HashSet<VarId> = self.atom_var.iter().flatten().copied().collect();
        let mut args: Vec<u32> = call_args.iter().copied().filter(|&a| a != NO_ARG).collect();
        args.sort_unstable();
        args.dedup();
        for a in args {
            let text = &self.fl.facts.names[a as usize];
            // `&locked` (what the callee finds there is this function's to know: `locked =
            // 1` before the call), or a pointer parameter passed on: `locked` for
            // `*locked`, where this function tests it.
            let var = match text.strip_prefix('&') {
                Some(name) => self.vars.get(name),
                None if params.iter().any(|p| p == text) => self
                    .vars
                    .get(&pointee_name(text))
                    .filter(|v| tested.contains(v)),
                None => None,
            };
            if let Some(&v) = var {
                facts.push(VarFact::AddressOf(a, v));
            }
        }
        facts.extend(
            params
                .iter()
                .enumerate()
                .take(u8::MAX as usize)
                .filter_map(|(i, p)| {
                    Some(VarFact::Pointee(*self.vars.get(&pointee_name(p))?, i as u8))
                }),
        );
        facts.extend(
            self.warning_paths
                .iter()
                .map(|&(start, end)| VarFact::WarningPath(start, end)),
        );
        facts.extend(
            self.bit_tests
                .iter()
                .map(|&(a, v, bits)| VarFact::Bits(a, v, bits)),
        );
        facts.extend(self.constant_tests.iter().map(|&(a, v, c, mask)| {
            if mask {
                VarFact::Masks(a, v, c)
            } else {
                VarFact::Equals(a, v, c)
            }
        }));
        facts
    }

    /// Records that `atom` tests parameter `lhs` against the constant `value` (`mask`: a
    /// bit of it), when `lhs` is one.
    fn constant_test(&mut self, atom: AtomId, lhs: &str, value: &str, mask: bool) {
        if !self.params.iter().any(|p| p == lhs) {
            return;
        }
        let var = self.var(lhs);
        let constant = self.fl.intern_name(value);
        let test = (atom, var, constant, mask);
        if !self.constant_tests.contains(&test) {
            self.constant_tests.push(test);
        }
    }

    /// `return value;` (`n` the statement). A returned test of a conditional lock call
    /// (`return !mmap_read_lock_killable(mm);`, `return mutex_trylock(m) ? 0 :
    /// slow(m);`) is a branch with a return on each side, so the lock's outcome goes with
    /// the value each returns.
    fn return_stmt(&mut self, n: Node, value: Option<Node>) {
        if let Some(v) = value.map(strip_parens) {
            if v.kind_name() == "unary_expression" && self.op(v) == "!" && self.tests_lock(v) {
                let (t, f) = (self.new_block(), self.new_block());
                self.cond(v, t, f);
                for (block, constant) in [(t, ReturnValue::One), (f, ReturnValue::Zero)] {
                    self.cur = block;
                    let span = self.span(n);
                    self.release_guards(1, span);
                    self.finish(Terminator::Return {
                        span,
                        value: constant,
                        atom: None,
                        pointer: false,
                    });
                }
                return;
            }
            if v.kind_name() == "conditional_expression" {
                let part = |field: &str| v.child_by_field_name(field);
                if let (Some(c), Some(a), Some(b)) =
                    (part("condition"), part("consequence"), part("alternative"))
                {
                    if self.tests_lock(c) {
                        let (t, f) = (self.new_block(), self.new_block());
                        self.cond(c, t, f);
                        // Nested ternaries recurse: as deep as conditions may go.
                        self.nested(|fb| {
                            fb.cur = t;
                            fb.return_stmt(n, Some(a));
                            fb.cur = f;
                            fb.return_stmt(n, Some(b));
                        });
                        return;
                    }
                }
            }
        }
        if let Some(v) = value {
            self.expr(v);
        }
        let returned = value
            .map(strip_parens)
            .filter(|v| matches!(v.kind_name(), "identifier" | "field_expression"));
        // A field's type is not known here: only constants refine it, not
        // non-zero tests (which would make a returned pointer an error).
        let pointer = returned.is_some_and(|v| {
            v.kind_name() == "field_expression" || self.pointers.contains(self.text(v))
        });
        let mut atom = returned.map(|v| self.atom(v));
        // `return __foo_trylock(x);`: what the callee holds on success, this
        // function holds on its own success.
        if let Some(call) = value
            .map(strip_parens)
            .filter(|v| v.kind_name() == "call_expression")
        {
            let a = self.fresh_atom();
            self.tag_call_result(call, a);
            atom = Some(a);
        }
        let value = value.map_or(ReturnValue::Void, |v| return_value(self.text(v)));
        let span = self.span(n);
        self.release_guards(1, span);
        self.finish(Terminator::Return {
            span,
            value,
            atom,
            pointer,
        });
    }

    /// Whether condition `n` is (the negation of) a conditional lock call: a trylock, an
    /// interruptible lock, or a wrapper macro of one.
    fn tests_lock(&self, mut n: Node) -> bool {
        for _ in 0..8 {
            n = strip_parens(n);
            match n.kind_name() {
                "unary_expression" if self.op(n) == "!" => {
                    match n.child_by_field_id(FIELDS.argument) {
                        Some(a) => n = a,
                        None => return false,
                    }
                }
                "call_expression" => {
                    if let Some((rule, _)) = self.lock_call(n) {
                        return matches!(rule.op, Op::Trylock | Op::Conditional);
                    }
                    let Some(func) = n.child_by_field_id(FIELDS.function) else {
                        return false;
                    };
                    let name = self.text(func);
                    if matches!(name, "likely" | "unlikely") {
                        match n
                            .child_by_field_id(FIELDS.arguments)
                            .and_then(|a| named_children(a).next())
                        {
                            Some(a) => n = a,
                            None => return false,
                        }
                        continue;
                    }
                    return self.fl.own_macros.contains_key(name)
                        || self.fl.header_macros.contains_key(name);
                }
                _ => return false,
            }
        }
        false
    }

    /// `gfp |= __GFP_DIRECT_RECLAIM` makes `gfp & __GFP_DIRECT_RECLAIM` true, `flags &=
    /// ~FOO` makes `flags & FOO` false, for a test the function made before: a branch
    /// whose other edge cannot be taken says so.
    fn flag_set_or_cleared(&mut self, n: Node, l: Node, r: Node) {
        let l = strip_parens(l);
        if !matches!(l.kind_name(), "identifier" | "field_expression") || self.text(l).contains('(')
        {
            return;
        }
        let (flag, set) = match self.op(n) {
            "|=" => (strip_parens(r), true),
            "&=" if r.kind_name() == "unary_expression" && self.op(r) == "~" => {
                match r.child_by_field_id(FIELDS.argument) {
                    Some(a) => (strip_parens(a), false),
                    None => return,
                }
            }
            _ => return,
        };
        if flag.kind_name() != "identifier" || !is_constant_label(self.text(flag)) {
            return;
        }
        let key: String = format!("{}&{}", self.text(l), self.text(flag))
            .split_whitespace()
            .collect();
        // Only for a test met before (a retry loop's): most flags set are never tested,
        // and an atom per assignment would cost memory on the whole tree.
        let Some(&atom) = self.atoms.get(&key) else {
            return;
        };
        let (dead, live) = (self.new_block(), self.new_block());
        let (then, otherwise) = if set { (live, dead) } else { (dead, live) };
        self.finish(Terminator::Branch {
            atom,
            then,
            otherwise,
        });
        self.cur = dead;
        self.finish(Terminator::Unreachable);
        self.cur = live;
    }

    /// The variable `n` assigns when it is a plain assignment to one (`pte = ...`,
    /// `vmf->pte = ...`), keyed as variables are.
    fn assigned_name(&self, n: Node) -> Option<String> {
        if n.kind_name() != "assignment_expression" || self.op(n) != "=" {
            return None;
        }
        let l = n.child_by_field_id(FIELDS.left)?;
        let plain = match l.kind_name() {
            "identifier" => true,
            // A field of a call's result is no variable.
            "field_expression" => !self.text(l).contains('('),
            _ => false,
        };
        plain.then(|| self.text(l).split_whitespace().collect())
    }

    /// The variable an assignment writes: a field path (`dev->head`) or a plain variable;
    /// writing `a[i]` or `*p` writes through the array or pointer.
    fn lvalue_var(&mut self, mut n: Node) -> Option<VarId> {
        for _ in 0..64 {
            match n.kind_name() {
                "subscript_expression" | "pointer_expression" => {
                    n = n.child_by_field_id(FIELDS.argument)?
                }
                "parenthesized_expression" => n = named_children(n).next()?,
                "field_expression" | "identifier" => {
                    let key: String = self.text(n).split_whitespace().collect();
                    return Some(self.var(&key));
                }
                _ => return None,
            }
        }
        None
    }

    /// `hdev_lock(hdev)` where `hdev_lock` is a lock wrapper macro: its lock calls, with
    /// the arguments substituted, happen here.
    fn expand_macro_wrapper(&mut self, name: &str, call: Node, span: Span) -> bool {
        let Some(w) = self
            .fl
            .own_macros
            .get(name)
            .or_else(|| self.fl.header_macros.get(name))
            .filter(|w| !w.calls.is_empty())
            .cloned()
        else {
            return false;
        };
        let args: Vec<&str> = call
            .child_by_field_id(FIELDS.arguments)
            .map(|a| named_children(a).map(|x| self.text(x)).collect())
            .unwrap_or_default();
        for (api, template) in &w.calls {
            let Some(&rule) = self.fl.rules.apis.get(api.as_str()) else {
                continue;
            };
            let lock =
                self.templated_lock(&macros::substitute(template, &w.params, &args), rule.lock);
            let acq = api_acquire(lock, &rule);
            match rule.op {
                Op::Acquire => self.emit(Event::Acquire { acq, span }),
                Op::Transient | Op::Fault => self.transient(acq, span),
                Op::Release => self.emit(Event::Release {
                    lock,
                    kind: rule.kind,
                    mode: rule.mode,
                    span,
                }),
                Op::Downgrade => self.emit(Event::Downgrade { lock, span }),
                // Outside a condition, a wrapper around a trylock spins until it gets
                // the lock (`while (spin_trylock(l) == 0) cpu_relax();`); as a
                // condition it is a trylock (see `macro_trylock`).
                Op::Trylock | Op::Conditional => self.emit(Event::Acquire { acq, span }),
            }
        }
        true
    }

    /// A wrapper macro that is one trylock or conditional lock call, used as a condition
    /// (`if (!xa_trylock(&m->pages))`): the lock is held where the call succeeded.
    fn macro_trylock(&mut self, call: Node) -> Option<(Acquire, Success)> {
        let func = call
            .child_by_field_id(FIELDS.function)
            .filter(|f| f.kind_name() == "identifier")?;
        let name = self.text(func);
        let w = self
            .fl
            .own_macros
            .get(name)
            .or_else(|| self.fl.header_macros.get(name))
            .cloned()?;
        let [(api, template)] = w.calls.as_slice() else {
            return None;
        };
        let rule = *self.fl.rules.apis.get(api.as_str())?;
        if !matches!(rule.op, Op::Trylock | Op::Conditional) {
            return None;
        }
        let args: Vec<&str> = call
            .child_by_field_id(FIELDS.arguments)
            .map(|a| named_children(a).map(|x| self.text(x)).collect())
            .unwrap_or_default();
        let lock = self.templated_lock(&macros::substitute(template, &w.params, &args), rule.lock);
        Some((
            api_acquire(lock, &rule),
            rule.success.unwrap_or(Success::Nonzero),
        ))
    }

    /// The interned text of each argument that is a plain path (`dev`, `&priv->port`),
    /// for mapping a callee's parameter-rooted locks onto the caller's.
    fn path_args(&mut self, call: Node) -> ArgRange {
        let Some(args) = call.child_by_field_id(FIELDS.arguments) else {
            return ArgRange::default();
        };
        let texts: Vec<String> = named_children(args)
            .map(|a| self.text(a).split_whitespace().collect())
            .collect();
        self.path_arg_ids(texts)
    }

    /// [`FnBuilder::path_args`] for the arguments' texts.
    fn path_arg_ids(&mut self, texts: Vec<String>) -> ArgRange {
        let ids = texts
            .iter()
            .take(8)
            .map(|t| {
                if is_path_arg(t) || is_constant_arg(t) {
                    self.fl.intern_name(t)
                } else {
                    NO_ARG
                }
            })
            .collect::<Vec<u32>>();
        let range = ArgRange {
            start: self.call_args.len() as u32,
            len: ids.len() as u8,
        };
        self.call_args.extend(ids);
        range
    }

    /// Records that the value of the call at `call` feeds `atom`.
    fn tag_call_result(&mut self, call: Node, atom: AtomId) {
        let span = self.span(call);
        let events = &mut self.blocks[self.cur as usize].events;
        let Some(i) = events
            .iter()
            .rposition(|e| matches!(e, Event::Call { span: s, .. } if *s == span))
        else {
            return;
        };
        if let Event::Call { result, .. } = &mut events[i] {
            *result = Some(atom);
        }
        // `s = find_lock(x)`: the assignment that follows the call (to `s`, and a copy
        // that may follow it) forgets the old value; what the call establishes about the
        // new one must come after it. (Writes through its `&` arguments already precede
        // the call; see `call`.)
        if events[i + 1..]
            .iter()
            .all(|e| matches!(e, Event::Assign { .. } | Event::Copy { .. }))
        {
            events[i..].rotate_left(1);
        }
    }

    fn if_stmt(&mut self, n: Node) {
        let then_b = self.new_block();
        let join = self.new_block();
        let alt = n.child_by_field_id(FIELDS.alternative);
        let else_b = if alt.is_some() {
            self.new_block()
        } else {
            join
        };
        if let Some(c) = n.child_by_field_id(FIELDS.condition) {
            self.cond(c, then_b, else_b);
        } else {
            self.finish(Terminator::Fork(vec![then_b, else_b]));
        }
        self.cur = then_b;
        if let Some(c) = n.child_by_field_id(FIELDS.consequence) {
            if n.child_by_field_id(FIELDS.condition)
                .is_some_and(|cond| self.is_warning(cond))
            {
                self.warning_paths
                    .push((c.start_byte() as u32, c.end_byte() as u32));
            }
            self.stmt(c);
        }
        self.goto(join);
        if let Some(a) = alt {
            self.cur = else_b;
            // `else_clause` wraps the statement.
            for s in named_children(a) {
                self.stmt(s);
            }
            self.goto(join);
        }
        self.cur = join;
    }

    /// `WARN_ON(x)`, `unlikely(WARN_ON_ONCE(x))`: a condition true where a warning fires.
    fn is_warning(&self, cond: Node) -> bool {
        let mut n = strip_parens(cond);
        loop {
            if n.kind_name() != "call_expression" {
                return false;
            }
            let Some(name) = n.child_by_field_id(FIELDS.function).map(|f| self.text(f)) else {
                return false;
            };
            if self.fl.rules.warn_if.contains(name) {
                return true;
            }
            match (name, n.child_by_field_id(FIELDS.arguments)) {
                ("unlikely" | "likely", Some(args)) => match named_children(args).next() {
                    Some(a) => n = strip_parens(a),
                    None => return false,
                },
                _ => return false,
            }
        }
    }

    fn while_stmt(&mut self, n: Node) {
        let head = self.new_block();
        let body_b = self.new_block();
        let exit = self.new_block();
        self.goto(head);
        match n.child_by_field_id(FIELDS.condition) {
            Some(c) => self.cond(c, body_b, exit),
            None => self.finish(Terminator::Fork(vec![body_b, exit])),
        }
        self.cur = body_b;
        self.loop_body(n.child_by_field_id(FIELDS.body), exit, head);
        self.goto(head);
        self.cur = exit;
    }

    fn loop_body(&mut self, body: Option<Node>, brk: BlockId, cont: BlockId) {
        self.jumps.push(JumpTarget {
            brk,
            cont: Some(cont),
            depth: self.scopes.len(),
        });
        if let Some(b) = body {
            self.stmt(b);
        }
        self.jumps.pop();
    }

    fn do_stmt(&mut self, n: Node) {
        let body_b = self.new_block();
        let cond_b = self.new_block();
        let exit = self.new_block();
        self.goto(body_b);
        self.loop_body(n.child_by_field_id(FIELDS.body), exit, cond_b);
        self.goto(cond_b);
        match n.child_by_field_id(FIELDS.condition) {
            Some(c) => self.cond(c, body_b, exit),
            None => self.finish(Terminator::Goto(exit)),
        }
        self.cur = exit;
    }

    fn for_stmt(&mut self, n: Node) {
        self.scopes.push(Scope::default());
        if let Some(init) = n.child_by_field_id(FIELDS.initializer) {
            if init.kind_name() == "declaration" {
                self.declaration(init);
            } else {
                self.expr(init);
            }
        }
        let head = self.new_block();
        let body_b = self.new_block();
        let update_b = self.new_block();
        let exit = self.new_block();
        self.goto(head);
        match n.child_by_field_id(FIELDS.condition) {
            Some(c) => self.cond(c, body_b, exit),
            None => self.finish(Terminator::Goto(body_b)),
        }
        self.cur = body_b;
        self.loop_body(n.child_by_field_id(FIELDS.body), exit, update_b);
        self.goto(update_b);
        if let Some(u) = n.child_by_field_id(FIELDS.update) {
            self.expr(u);
        }
        self.finish(Terminator::Goto(head));
        self.cur = exit;
        self.scopes.pop();
    }

    fn switch_stmt(&mut self, n: Node) {
        if let Some(c) = n.child_by_field_id(FIELDS.condition) {
            self.expr(c);
        }
        let exit = self.new_block();
        let dispatch = self.cur;
        self.cur = self.new_block();
        let mut targets = Vec::new();
        // Per target, its case label's value (`None` for `default:`).
        let mut values: Vec<Option<Node>> = Vec::new();
        let mut has_default = false;
        self.jumps.push(JumpTarget {
            brk: exit,
            cont: None,
            depth: self.scopes.len(),
        });
        if let Some(body) = n.child_by_field_id(FIELDS.body) {
            self.scopes.push(Scope::default());
            for child in named_children(body) {
                if child.kind_name() == "case_statement" {
                    let b = self.new_block();
                    // Fall-through from the previous case.
                    self.goto(b);
                    targets.push(b);
                    let value = child.child_by_field_id(FIELDS.value);
                    values.push(value);
                    has_default |= value.is_none();
                    let vid = value.map(|v| v.id());
                    for s in named_children(child).filter(|c| Some(c.id()) != vid) {
                        self.stmt(s);
                    }
                } else {
                    self.stmt(child);
                }
            }
            let close = closing_brace_span(self, body);
            let depth = self.scopes.len() - 1;
            self.release_guards(depth, close);
            self.scopes.pop();
        }
        self.jumps.pop();
        self.goto(exit);
        let default = if has_default {
            values
                .iter()
                .position(Option::is_none)
                .map_or(exit, |i| targets[i])
        } else {
            exit
        };
        // `switch (mode)` may become tests of `mode == A`, then `mode == B`, ...: the same
        // tests as `if (mode == A)`, so that a second switch on the same value, or an `if`
        // on one of its cases, follows the case this path took. Decided when the body is
        // done, since only a value compared in two places gains from it.
        let cond = n
            .child_by_field_id(FIELDS.condition)
            .map(strip_parens)
            .filter(|c| c.byte_range().len() <= 200 && !c.has_error());
        if let Some(c) = cond.filter(|c| {
            matches!(c.kind_name(), "identifier" | "field_expression")
                && !self.text(*c).contains('(')
        }) {
            let labels: Vec<(usize, String)> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| Some((i, self.text((*v)?).split_whitespace().collect())))
                .collect();
            // Case labels are constants, whatever their spelling (`e1000_82574`).
            if labels.len() <= MAX_SWITCH_TESTS {
                let lhs: String = self.text(c).split_whitespace().collect();
                let mut idents = Vec::new();
                collect_identifiers(c, &mut idents, 0);
                let names: Vec<String> = idents
                    .iter()
                    .map(|&i| self.text(i).split_whitespace().collect())
                    .collect();
                let vars = names.iter().map(|v| self.var(v)).collect();
                let var = self.var(&lhs);
                *self.compare_sites.entry(var).or_insert(0) += 1;
                self.switches.push(SwitchTests {
                    dispatch,
                    lhs,
                    var,
                    vars,
                    cases: labels.into_iter().map(|(i, l)| (l, targets[i])).collect(),
                    default,
                });
            }
        }
        if !has_default {
            targets.push(exit);
        }
        self.blocks[dispatch as usize].terminator = Terminator::Fork(targets);
        self.cur = exit;
    }

    /// `scoped_guard(class, &l) stmt` and `scoped_cond_guard(class, fail, &l) stmt`, which
    /// the pre-pass turned into `while (...)`: the lock is held for the statement only.
    fn scoped_guard(&mut self, n: Node) {
        let is_cond_form = self.fl.orig[n.start_byte()..].starts_with("scoped_cond_guard");
        let mut args = Vec::new();
        if let Some(c) = n.child_by_field_id(FIELDS.condition) {
            flatten_commas(strip_parens(c), &mut args);
        }
        let body = n.child_by_field_id(FIELDS.body);
        let class = args
            .first()
            .map(|&a| self.text(a).trim().to_string())
            .unwrap_or_default();
        // After the class (and the failure statement of the cond form).
        let first_lock_arg = if is_cond_form { 2 } else { 1 };
        let lock_args = args.get(first_lock_arg..).unwrap_or(&[]);
        let rule = self.fl.rules.guards.get(&class).copied();
        let exit = self.new_block();
        let lock = rule.and_then(|r| self.guard_lock(r, lock_args));
        let (Some(rule), Some(lock)) = (rule, lock) else {
            // A guard class that is not a lock (`rcu`, `irqsave`): the body runs once.
            if let Some(b) = body {
                self.stmt(b);
            }
            self.goto(exit);
            return;
        };
        let head_span = Span::new(
            self.fl.file,
            n.start_byte(),
            n.child_by_field_id(FIELDS.condition)
                .map_or(n.end_byte(), |c| c.end_byte()),
        );
        let acq = Acquire {
            lock,
            kind: rule.kind,
            mode: rule.mode,
            irq: rule.irq,
            nested: false,
            waits: rule.cond != Some(Op::Trylock),
            fault: false,
        };
        let body_b = self.new_block();
        if rule.cond.is_some() || is_cond_form {
            let atom = self.fresh_atom();
            self.emit(Event::CondAcquire {
                acq,
                atom,
                success: Success::Nonzero,
                span: head_span,
            });
            let fail_b = self.new_block();
            self.finish(Terminator::Branch {
                atom,
                then: body_b,
                otherwise: fail_b,
            });
            self.cur = fail_b;
            if is_cond_form {
                self.cond_guard_failure(n, head_span, exit);
            } else {
                self.goto(exit);
            }
        } else {
            self.emit(Event::Acquire {
                acq,
                span: head_span,
            });
            self.finish(Terminator::Goto(body_b));
        }
        self.cur = body_b;
        self.scopes.push(Scope {
            vars: HashMap::new(),
            guards: vec![(lock, acq)],
        });
        let depth = self.scopes.len() - 1;
        // `break` and `continue` leave a scoped guard: it is a one-shot `for` loop.
        self.jumps.push(JumpTarget {
            brk: exit,
            cont: Some(exit),
            depth,
        });
        if let Some(b) = body {
            self.stmt(b);
        }
        self.jumps.pop();
        let end = body.map_or(head_span, |b| {
            if b.kind_name() == "compound_statement" {
                closing_brace_span(self, b)
            } else {
                self.span(b)
            }
        });
        self.release_guards(depth, end);
        self.scopes.pop();
        self.goto(exit);
    }

    /// The failure statement of `scoped_cond_guard`, read from the original text.
    fn cond_guard_failure(&mut self, n: Node, span: Span, exit: BlockId) {
        let orig = &self.fl.orig[n.start_byte()
            ..n.child_by_field_id(FIELDS.condition)
                .map_or(n.end_byte(), |c| c.end_byte())];
        let fail = orig.split(',').nth(1).unwrap_or("").trim();
        if let Some(value) = fail.strip_prefix("return") {
            self.release_guards(1, span);
            let value = if value.trim().is_empty() {
                ReturnValue::Void
            } else {
                return_value(value)
            };
            self.finish(Terminator::Return {
                span,
                value,
                atom: None,
                pointer: false,
            });
        } else if let Some(label) = fail.strip_prefix("goto") {
            let (target, depth) = self.label(label.trim());
            self.release_guards(depth.unwrap_or(2), span);
            self.finish(Terminator::Goto(target));
        } else {
            self.goto(exit);
        }
    }

    // ---- conditions ----

    /// Lowers a branch condition: ends the current block with edges to `t` and `f`.
    fn cond(&mut self, n: Node, t: BlockId, f: BlockId) {
        if !self.nested(|fb| fb.cond_inner(n, t, f)) {
            self.finish(Terminator::Fork(vec![t, f]));
        }
    }

    /// Runs `lower` one nesting level deeper; past [`MAX_NESTING`] it does not run (the
    /// function is marked too deep) and this returns false.
    fn nested(&mut self, lower: impl FnOnce(&mut Self)) -> bool {
        if self.nesting >= MAX_NESTING {
            self.too_deep = true;
            return false;
        }
        self.nesting += 1;
        lower(self);
        self.nesting -= 1;
        true
    }

    fn cond_inner(&mut self, n: Node, t: BlockId, f: BlockId) {
        match n.kind_name() {
            "parenthesized_expression" | "condition_clause" => {
                let inner: Vec<Node> = named_children(n).collect();
                match inner.as_slice() {
                    [one] => self.cond(*one, t, f),
                    _ => self.opaque_cond(n, t, f),
                }
                return;
            }
            "unary_expression" if self.op(n) == "!" => {
                if let Some(a) = n.child_by_field_id(FIELDS.argument) {
                    self.cond(a, f, t);
                    return;
                }
            }
            // `if (!ptep++)` tests the pointer before stepping it: a pointer that was not
            // NULL is not NULL after the step either, so a lock held where it is not NULL
            // stays tied to it (madvise's `swapin_walk_pmd_entry` relocks only where it
            // set `ptep = NULL` after unlocking). Tree-sitter reads `!p++` as `(!p)++`.
            "update_expression" => {
                if let Some((a, negated)) = n
                    .child_by_field_id(FIELDS.argument)
                    .map(|a| self.strip_negations(a))
                    .filter(|(a, _)| a.kind_name() == "identifier")
                    .filter(|(a, _)| self.pointers.contains(self.text(*a)))
                    .filter(|_| {
                        n.child_by_field_id(FIELDS.operator)
                            .is_some_and(|o| o.start_byte() > n.start_byte())
                    })
                {
                    let name = self.text(a);
                    let atom = self.atom_for_var(name);
                    let var = self.var(name);
                    let (t, f) = if negated { (f, t) } else { (t, f) };
                    let (was_set, was_null) = (self.new_block(), self.new_block());
                    self.finish(Terminator::Branch {
                        atom,
                        then: was_set,
                        otherwise: was_null,
                    });
                    for (edge, value, to) in [
                        (was_set, Some(ReturnValue::NonNull), t),
                        (was_null, None, f),
                    ] {
                        self.cur = edge;
                        self.emit(Event::Assign { var, value });
                        self.goto(to);
                    }
                    return;
                }
            }
            // `if (!*locked)`: the value a pointer parameter points to, which the
            // function and its callees write (`*locked = 1`).
            "pointer_expression" if self.op(n) == "*" => {
                if let Some(p) = n
                    .child_by_field_id(FIELDS.argument)
                    .filter(|p| p.kind_name() == "identifier")
                {
                    let atom = self.atom_for_pointee(self.text(p));
                    self.finish(Terminator::Branch {
                        atom,
                        then: t,
                        otherwise: f,
                    });
                    return;
                }
            }
            "binary_expression" => {
                let (Some(l), Some(r)) = (
                    n.child_by_field_id(FIELDS.left),
                    n.child_by_field_id(FIELDS.right),
                ) else {
                    return self.opaque_cond(n, t, f);
                };
                // `instance > 0` on a `u8` is `instance`, `len <= 0` on a `size_t` is `!len`:
                // for an unsigned variable the test is a truth test.
                if let Some((var, truth)) = self.unsigned_zero_test(n, l, r) {
                    if truth {
                        self.cond(var, t, f);
                    } else {
                        self.cond(var, f, t);
                    }
                    return;
                }
                match self.op(n) {
                    "&&" => {
                        let mid = self.new_block();
                        self.cond(l, mid, f);
                        self.cur = mid;
                        self.cond(r, t, f);
                        return;
                    }
                    "||" => {
                        let mid = self.new_block();
                        self.cond(l, t, mid);
                        self.cur = mid;
                        self.cond(r, t, f);
                        return;
                    }
                    "==" | "!=" | "<" => {
                        let op = self.op(n);
                        let other = if is_zero(self.text(r)) {
                            Some(l)
                        } else if is_zero(self.text(l)) && op != "<" {
                            Some(r)
                        } else {
                            None
                        };
                        if let Some(o) = other {
                            // `x == 0` is `!x`; `x != 0` and `ret < 0` (a failed lock call) are `x`.
                            if op == "==" {
                                self.cond(o, f, t);
                            } else if op == "<" {
                                // On the true edge the value is negative: an error code.
                                let negative = self.new_block();
                                self.cond(o, negative, f);
                                self.cur = negative;
                                if let Some(var) = self.lvalue_var(o) {
                                    self.emit(Event::Assign {
                                        var,
                                        value: Some(ReturnValue::Error),
                                    });
                                }
                                self.goto(t);
                            } else {
                                self.cond(o, t, f);
                            }
                            return;
                        }
                    }
                    _ => {}
                }
            }
            "number_literal" => {
                let v = self.text(n);
                self.finish(Terminator::Goto(if is_zero(v) { f } else { t }));
                return;
            }
            "true" | "false" => {
                self.finish(Terminator::Goto(if n.kind_name() == "true" {
                    t
                } else {
                    f
                }));
                return;
            }
            "call_expression" => {
                if let Some(func) = n.child_by_field_id(FIELDS.function) {
                    let name = self.text(func);
                    if self.fl.rules.failure_tests.contains(name) {
                        if let Some(a) = n
                            .child_by_field_id(FIELDS.arguments)
                            .and_then(|a| named_children(a).next())
                        {
                            self.cond(a, f, t);
                            return;
                        }
                    }
                    if matches!(
                        name,
                        "likely" | "unlikely" | "WARN_ON" | "WARN_ON_ONCE" | "unlikely_notrace"
                    ) {
                        if let Some(a) = n
                            .child_by_field_id(FIELDS.arguments)
                            .and_then(|a| named_children(a).next())
                        {
                            self.cond(a, t, f);
                            return;
                        }
                    }
                }
                if let Some((acq, success)) = self.macro_trylock(n) {
                    self.call_args(n);
                    let atom = self.fresh_atom();
                    let span = self.span(n);
                    self.emit(Event::CondAcquire {
                        acq,
                        atom,
                        success,
                        span,
                    });
                    self.finish(Terminator::Branch {
                        atom,
                        then: t,
                        otherwise: f,
                    });
                    return;
                }
                if let Some((rule, call)) = self.lock_call(n) {
                    if matches!(rule.op, Op::Trylock | Op::Conditional) {
                        self.call_args(call);
                        let atom = self.fresh_atom();
                        self.cond_acquire(call, rule, atom);
                        self.finish(Terminator::Branch {
                            atom,
                            then: t,
                            otherwise: f,
                        });
                        return;
                    }
                }
            }
            "assignment_expression" => {
                if let (Some(l), Some(r)) = (
                    n.child_by_field_id(FIELDS.left),
                    n.child_by_field_id(FIELDS.right),
                ) {
                    if self.op(n) == "=" && l.kind_name() == "identifier" {
                        let name = self.text(l).to_string();
                        self.assign_value(&name, r);
                        let atom = self.atom_for_var(&name);
                        self.finish(Terminator::Branch {
                            atom,
                            then: t,
                            otherwise: f,
                        });
                        return;
                    }
                }
            }
            _ => {}
        }
        self.opaque_cond(n, t, f)
    }

    /// A condition the analysis only correlates by its text (`dev->locked`, `is_foo(x)`).
    fn opaque_cond(&mut self, n: Node, t: BlockId, f: BlockId) {
        let outer = self.condition_call.replace(n.id());
        self.expr(n);
        self.condition_call = outer;
        if n.byte_range().len() > 200 || n.has_error() {
            self.finish(Terminator::Fork(vec![t, f]));
            return;
        }
        let (atom, t, f) = match self.complement_key(n) {
            Some(key) => (self.atom_keyed(n, key), f, t),
            None => (self.atom(n), t, f),
        };
        match self.op(n) {
            "==" | "!=" => {
                if let (Some(l), Some(r)) = (
                    n.child_by_field_id(FIELDS.left),
                    n.child_by_field_id(FIELDS.right),
                ) {
                    self.equality_group(atom, l, r);
                }
            }
            "&" => self.mask_test(atom, n),
            _ => {}
        }
        if n.kind_name() == "call_expression" {
            self.tag_call_result(n, atom);
        }
        self.finish(Terminator::Branch {
            atom,
            then: t,
            otherwise: f,
        });
    }

    /// `x == C` with `C` a constant (a number, an upper-case macro or enumerator, a case
    /// label): the atom joins `x`'s group, whose atoms are true for one value at most.
    fn equality_group(&mut self, atom: AtomId, lhs: Node, value: Node) {
        let lhs = strip_parens(lhs);
        if !matches!(lhs.kind_name(), "identifier" | "field_expression")
            || self.text(lhs).contains('(')
            || !is_constant_label(self.text(value))
        {
            return;
        }
        let key: String = self.text(lhs).split_whitespace().collect();
        let var = self.var(&key);
        *self.compare_sites.entry(var).or_insert(0) += 1;
        if !self.atom_groups.contains(&(atom, var)) {
            self.atom_groups.push((atom, var));
        }
        let value: String = self.text(value).split_whitespace().collect();
        self.constant_test(atom, &key, &value, false);
    }

    /// `flags & C` with `C` an upper-case constant: a test of a bit of `flags`.
    fn mask_test(&mut self, atom: AtomId, n: Node) {
        let (Some(l), Some(r)) = (
            n.child_by_field_id(FIELDS.left),
            n.child_by_field_id(FIELDS.right),
        ) else {
            return;
        };
        let (l, r) = (strip_parens(l), strip_parens(r));
        // `fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED)` on a result whose bits say
        // whether the call dropped a lock.
        if let Some(&var) = (l.kind_name() == "identifier")
            .then(|| self.vars.get(self.text(l)))
            .flatten()
        {
            let names = or_ed_constants(self.text(r))
                .filter(|_| self.result_bits.iter().any(|b| b.0 == var));
            if let Some(bits) = names.and_then(|n| self.bit_mask(var, n.into_iter())) {
                if !self.bit_tests.contains(&(atom, var, bits)) {
                    self.bit_tests.push((atom, var, bits));
                }
            }
        }
        if l.kind_name() == "identifier" && r.kind_name() == "identifier" {
            let (flags, bit) = (self.text(l), self.text(r));
            if is_constant_label(bit) {
                self.constant_test(atom, flags, bit, true);
            }
        }
    }

    /// Turns the dispatch of each switch on a value compared elsewhere too into its tests
    /// (see `switch_stmt`).
    fn switch_tests(&mut self) {
        for sw in std::mem::take(&mut self.switches) {
            if self.compare_sites.get(&sw.var).copied().unwrap_or(0) < 2 {
                continue;
            }
            let mut test = sw.dispatch;
            let n = sw.cases.len();
            if n == 0 {
                self.blocks[test as usize].terminator = Terminator::Goto(sw.default);
                continue;
            }
            for (k, (label, target)) in sw.cases.into_iter().enumerate() {
                let key = format!("{}=={label}", sw.lhs);
                let atom = match self.atoms.get(&key) {
                    Some(&a) => a,
                    None => self.new_atom(key, sw.vars.clone(), None),
                };
                if !self.atom_groups.contains(&(atom, sw.var)) {
                    self.atom_groups.push((atom, sw.var));
                }
                self.constant_test(atom, &sw.lhs, &label, false);
                let next = if k + 1 == n {
                    sw.default
                } else {
                    self.new_block()
                };
                self.blocks[test as usize].terminator = Terminator::Branch {
                    atom,
                    then: target,
                    otherwise: next,
                };
                test = next;
            }
        }
    }

    /// For `a != b`, the key of `a == b`: the same test with its edges swapped (`if (mm ==
    /// &init_mm) ... if (mm != &init_mm) unlock`); likewise `<` for `>=`, `<=` for `>`.
    fn complement_key(&self, n: Node) -> Option<String> {
        let same = match self.op(n) {
            "!=" => "==",
            ">=" => "<",
            ">" => "<=",
            _ => return None,
        };
        let side = |id| n.child_by_field_id(id).map(|x| self.text(x));
        let (l, r) = (side(FIELDS.left)?, side(FIELDS.right)?);
        Some(format!("{l}{same}{r}").split_whitespace().collect())
    }

    fn op(&self, n: Node) -> &'a str {
        n.child_by_field_id(FIELDS.operator)
            .map_or("", |o| self.text(o))
    }

    // ---- expressions ----

    /// An expression whose value is discarded: an interruptible lock whose result is
    /// ignored is taken as acquired.
    fn expr_stmt(&mut self, n: Node) {
        let inner = strip_parens(n);
        if let Some((rule, call)) = self.lock_call(inner) {
            if rule.op == Op::Conditional {
                self.call_args(call);
                let Some(acq) = self.acquire_of(call, rule) else {
                    return;
                };
                self.emit(Event::Acquire {
                    acq,
                    span: self.span(call),
                });
                return;
            }
        }
        self.expr(n);
    }

    fn lock_call<'t>(&self, n: Node<'t>) -> Option<(lockorder_rules::ApiRule, Node<'t>)> {
        if n.kind_name() != "call_expression" {
            return None;
        }
        let func = n.child_by_field_id(FIELDS.function)?;
        if func.kind_name() != "identifier" {
            return None;
        }
        self.fl.rules.apis.get(self.text(func)).map(|r| (*r, n))
    }

    fn call_args(&mut self, call: Node) {
        if let Some(args) = call.child_by_field_id(FIELDS.arguments) {
            for a in named_children(args) {
                self.expr(a);
            }
        }
    }

    /// The lock a lock API call operates on: its lock argument, or the lock the rule's
    /// template names (`rtnl_mutex`, `{0}->sk_lock`).
    fn api_lock(&mut self, call: Node, rule: lockorder_rules::ApiRule) -> Option<LockId> {
        let args = call.child_by_field_id(FIELDS.arguments)?;
        if rule.lock.is_none() {
            let arg = named_children(args).nth(rule.lock_arg)?;
            return Some(self.lock_expr(arg));
        }
        let texts: Vec<&str> = named_children(args).map(|a| self.text(a)).collect();
        let text = self.fl.rules.lock_text(&rule, &texts)?;
        Some(self.templated_lock(&text, rule.lock))
    }

    /// The lock `text` names under a rule's lock template: one with a `lock_type` is typed
    /// by it (`{0}->mmap_lock`, or without an argument `mmap_lock`: the current task's, as
    /// `copy_to_user` may fault and take it); another template without arguments is a
    /// global of that name (`rtnl_mutex`), whatever the file declares; anything else
    /// resolves like source text.
    fn templated_lock(&mut self, text: &str, template: Option<u32>) -> LockId {
        let fixed =
            template.is_some_and(|t| !self.fl.rules.lock_templates[t as usize].contains('{'));
        let typed = template.is_some_and(|t| self.fl.rules.lock_types[t as usize].is_some());
        if fixed && !typed {
            return self.fl.intern_lock(LockExpr {
                root: LockRoot::Global {
                    name: text.to_string(),
                    file_static: false,
                },
                path: Vec::new(),
                text: text.to_string(),
            });
        }
        // `mmap_read_lock(current->mm)`: the prototype types the argument.
        if let Some(t) = template {
            if let Some(ty) = self.fl.rules.lock_types[t as usize].clone() {
                let template = &self.fl.rules.lock_templates[t as usize];
                let fields = template
                    .strip_prefix("{0}->")
                    .unwrap_or(template)
                    .split('.')
                    .map(|f| PathStep::Field(f.to_string()))
                    .collect();
                return self.fl.intern_lock(LockExpr {
                    root: LockRoot::Typed { ty },
                    path: fields,
                    text: text.split_whitespace().collect(),
                });
            }
        }
        self.lock_from_text(text)
    }

    /// The lock of a guard: its first lock argument, or the lock its rule names.
    fn guard_lock(&mut self, rule: lockorder_rules::GuardRule, args: &[Node]) -> Option<LockId> {
        if rule.lock.is_none() {
            return Some(self.lock_expr(*args.first()?));
        }
        let texts: Vec<&str> = args.iter().map(|a| self.text(*a)).collect();
        let text = self.fl.rules.template_text(rule.lock, 0, &texts)?;
        Some(self.templated_lock(&text, rule.lock))
    }

    /// An acquisition released at once (`kref_put_mutex`, a user access's fault).
    fn transient(&mut self, acq: Acquire, span: Span) {
        self.emit(Event::Acquire { acq, span });
        self.emit(Event::Release {
            lock: acq.lock,
            kind: acq.kind,
            mode: acq.mode,
            span,
        });
    }

    fn acquire_of(&mut self, call: Node, rule: lockorder_rules::ApiRule) -> Option<Acquire> {
        let lock = self.api_lock(call, rule)?;
        Some(api_acquire(lock, &rule))
    }

    fn cond_acquire(&mut self, call: Node, rule: lockorder_rules::ApiRule, atom: AtomId) {
        self.cond_acquire_tested(call, rule, atom, false);
    }

    /// A conditional lock call whose result `atom` tests, negated (`!trylock(...)`) or not.
    fn cond_acquire_tested(
        &mut self,
        call: Node,
        rule: lockorder_rules::ApiRule,
        atom: AtomId,
        negated: bool,
    ) {
        if let Some(acq) = self.acquire_of(call, rule) {
            let span = self.span(call);
            let success = rule.success.unwrap_or(Success::Nonzero);
            let success = if negated {
                Success::held_where(!success.held_when(true))
            } else {
                success
            };
            self.emit(Event::CondAcquire {
                acq,
                atom,
                success,
                span,
            });
        }
    }

    fn expr(&mut self, n: Node) {
        self.nested(|fb| fb.expr_inner(n));
    }

    fn expr_inner(&mut self, n: Node) {
        match n.kind_name() {
            "call_expression" => self.call(n),
            "assignment_expression" => {
                let (Some(l), Some(r)) = (
                    n.child_by_field_id(FIELDS.left),
                    n.child_by_field_id(FIELDS.right),
                ) else {
                    return;
                };
                if self.op(n) == "=" && r.kind_name() == "identifier" {
                    self.bind_slot(l, r);
                }
                // `dev->task = kthread_run(...)`: the registration's object.
                let registers_result = strip_parens(r).kind_name() == "call_expression"
                    && strip_parens(r)
                        .child_by_field_id(FIELDS.function)
                        .and_then(|f| self.fl.rules.registrations.get(self.text(f)))
                        .is_some_and(|rs| rs.iter().any(|x| x.object_is_result));
                let target = registers_result.then(|| self.path_expr(l));
                let outer = std::mem::replace(&mut self.assign_target, target);
                if let Some(name) = self.assigned_name(n) {
                    self.assign_value(&name, r);
                    self.hand_off(n, l, r);
                } else {
                    self.expr(r);
                    self.expr(l);
                    if let Some(v) = self.lvalue_var(l) {
                        self.emit(Event::Assign {
                            var: v,
                            value: None,
                        });
                    }
                    self.flag_set_or_cleared(n, l, r);
                    self.hand_off(n, l, r);
                    // `*locked = false`: what the pointee holds now, kept apart from the
                    // pointer's own value.
                    let l = strip_parens(l);
                    if self.op(n) == "="
                        && l.kind_name() == "pointer_expression"
                        && self.op(l) == "*"
                    {
                        if let Some(p) = l
                            .child_by_field_id(FIELDS.argument)
                            .filter(|p| p.kind_name() == "identifier")
                        {
                            let var = self.var(&pointee_name(self.text(p)));
                            let value = match return_value(self.text(r)) {
                                ReturnValue::Other | ReturnValue::Void => None,
                                c => Some(c),
                            };
                            self.emit(Event::Assign { var, value });
                            // `*out_bucket = hb;` after `spin_lock(&hb->lock)`: not NULL.
                            let r = strip_parens(r);
                            if value.is_none() && r.kind_name() == "identifier" {
                                let from = self.var(self.text(r));
                                self.emit(Event::Copy { var, from });
                            }
                        }
                    }
                }
                self.assign_target = outer;
            }
            "update_expression" => {
                if let Some(v) = n
                    .child_by_field_id(FIELDS.argument)
                    .and_then(|a| self.lvalue_var(a))
                {
                    self.emit(Event::Assign {
                        var: v,
                        value: None,
                    });
                }
            }
            // `dst_vma->vm_mm`, a parameter's first dereference: not NULL from here.
            "field_expression" => {
                let base = n.child_by_field_id(FIELDS.argument).map(strip_parens);
                for c in named_children(n) {
                    self.expr(c);
                }
                if let Some(b) = base.filter(|b| b.kind_name() == "identifier") {
                    let name = self.text(b);
                    let arrow = n
                        .child_by_field_id(FIELDS.operator)
                        .is_some_and(|o| self.text(o) == "->");
                    if arrow
                        && self.params.iter().any(|p| p == name)
                        && !self.dereferenced.contains(name)
                    {
                        self.dereferenced.insert(name.to_string());
                        let var = self.var(name);
                        self.emit(Event::Deref { var });
                    }
                }
            }
            "compound_statement" => self.stmt(n),
            "identifier"
            | "number_literal"
            | "string_literal"
            | "char_literal"
            | "field_identifier"
            | "true"
            | "false"
            | "null"
            | "sizeof_expression"
            | "concatenated_string" => {}
            _ => {
                for c in named_children(n) {
                    self.expr(c);
                }
            }
        }
    }

    fn call(&mut self, n: Node) {
        let Some(func) = n.child_by_field_id(FIELDS.function) else {
            return;
        };
        // `BUG_ON(x)`: the code after it runs only where `x` is false.
        if self.fl.rules.fatal_if.contains(self.text(func)) {
            let args = n.child_by_field_id(FIELDS.arguments);
            if let Some(cond) = args.and_then(|a| named_children(a).next()) {
                let (dead, live) = (self.new_block(), self.new_block());
                self.cond(cond, dead, live);
                self.cur = dead;
                self.finish(Terminator::Unreachable);
                self.cur = live;
                return;
            }
        }
        // `guard(class)(&lock)`: held until the end of the enclosing scope.
        if func.kind_name() == "call_expression"
            && func
                .child_by_field_id(FIELDS.function)
                .is_some_and(|g| self.text(g) == "guard")
        {
            self.call_args(n);
            let class = func
                .child_by_field_id(FIELDS.arguments)
                .and_then(|a| named_children(a).next())
                .map(|c| self.text(c).trim().to_string())
                .unwrap_or_default();
            let rule = self.fl.rules.guards.get(&class).copied();
            let args: Vec<Node> = n
                .child_by_field_id(FIELDS.arguments)
                .map(|a| named_children(a).collect())
                .unwrap_or_default();
            let lock = rule.and_then(|r| self.guard_lock(r, &args));
            if let (Some(rule), Some(lock)) = (rule, lock) {
                let acq = Acquire {
                    lock,
                    kind: rule.kind,
                    mode: rule.mode,
                    irq: rule.irq,
                    nested: false,
                    waits: true,
                    fault: false,
                };
                let span = self.span(n);
                self.emit(Event::Acquire { acq, span });
                if let Some(s) = self.scopes.last_mut() {
                    s.guards.push((lock, acq));
                }
            }
            return;
        }
        // `__get_user_pages_locked(..., locked ? locked : &local_locked, ...)`: one call
        // for each arm, so that what the callee does with each argument is followed.
        if let Some((i, c, arms)) = self.split_argument(n, func) {
            let (t, f, join) = (self.new_block(), self.new_block(), self.new_block());
            self.cond(c, t, f);
            for (block, arm) in [(t, arms.0), (f, arms.1)] {
                self.cur = block;
                self.call_with(n, func, Some((i, arm)));
                self.goto(join);
            }
            self.cur = join;
            return;
        }
        self.call_with(n, func, None);
    }

    /// For a call of a plain function with one argument that is a choice between two
    /// plain paths or constants (`p ? p : &local`): its index, its condition and its arms.
    #[allow(clippy::type_complexity)]
    fn split_argument<'t>(
        &self,
        n: Node<'t>,
        func: Node<'t>,
    ) -> Option<(usize, Node<'t>, (Node<'t>, Node<'t>))> {
        if func.kind_name() != "identifier" || self.fl.rules.apis.contains_key(self.text(func)) {
            return None;
        }
        let args = n.child_by_field_id(FIELDS.arguments)?;
        let mut found = None;
        for (i, a) in named_children(args).enumerate() {
            let a = strip_parens(a);
            if a.kind_name() != "conditional_expression" {
                continue;
            }
            if found.is_some() {
                return None;
            }
            let part = |field: &str| a.child_by_field_name(field).map(strip_parens);
            let (c, x, y) = (
                part("condition")?,
                part("consequence")?,
                part("alternative")?,
            );
            let simple = |v: Node| is_path_arg(self.text(v)) || is_constant_arg(self.text(v));
            if !(simple(x) && simple(y)) || c.byte_range().len() > 80 {
                return None;
            }
            found = Some((i, c, (x, y)));
        }
        found
    }

    /// [`FnBuilder::call`] past its special forms, with argument `choice.0` read as
    /// `choice.1` where the call was split on a choice between two arguments.
    fn call_with(&mut self, n: Node, func: Node, choice: Option<(usize, Node)>) {
        let args = chosen_args(n, choice);
        for &a in &args {
            self.expr(a);
        }
        let span = self.span(n);
        if func.kind_name() == "identifier" {
            let name = self.text(func);
            if self.expand_macro_wrapper(name, n, span) {
                return;
            }
            let lockdep_args = || {
                n.child_by_field_id(FIELDS.arguments)
                    .map(|a| named_children(a).collect::<Vec<_>>())
                    .unwrap_or_default()
            };
            if self.fl.rules.set_class.contains(name) {
                if let [lock, key, ..] = lockdep_args()[..] {
                    let (lock, key) = (self.lock_expr(lock), self.lock_expr(key));
                    self.fl.facts.class_keys.push((lock, key));
                }
            }
            if self.fl.rules.novalidate.contains(name) {
                if let Some(&lock) = lockdep_args().first() {
                    let lock = self.lock_expr(lock);
                    self.fl.facts.novalidate.push(lock);
                }
            }
            if let Some(&op) = self.fl.rules.context_ops.get(name) {
                self.emit(Event::Context { op, span });
                return;
            }
            self.contexts_of_call(name, n, span);
            if self.fl.rules.assert_held.contains(name) {
                if let Some(arg) = n
                    .child_by_field_id(FIELDS.arguments)
                    .and_then(|a| named_children(a).next())
                {
                    let lock = self.lock_expr(arg);
                    self.emit(Event::AssertHeld { lock, span });
                }
            }
            if let Some(&count_arg) = self.fl.rules.semaphore_inits.get(name) {
                let args: Vec<Node> = n
                    .child_by_field_id(FIELDS.arguments)
                    .map(|a| named_children(a).collect())
                    .unwrap_or_default();
                if let (Some(&sem), Some(&count)) = (args.first(), args.get(count_arg)) {
                    let count = self.text(count).trim();
                    if is_zero(count) {
                        let lock = self.lock_expr(sem);
                        self.fl.facts.completions.push(lock);
                    } else if count == "1" {
                        let lock = self.lock_expr(sem);
                        self.fl.facts.binary_semaphores.push(lock);
                    }
                }
            }
            if let Some(&rule) = self.fl.rules.apis.get(name) {
                match rule.op {
                    Op::Acquire => {
                        if let Some(acq) = self.acquire_of(n, rule) {
                            self.emit(Event::Acquire { acq, span });
                        }
                    }
                    Op::Trylock | Op::Conditional => {
                        // The result is used but not as a condition here (stored in a
                        // struct, returned): tie it to a fresh atom.
                        let atom = self.fresh_atom();
                        self.cond_acquire(n, rule, atom);
                    }
                    Op::Release => {
                        if let Some(lock) = self.api_lock(n, rule) {
                            self.emit(Event::Release {
                                lock,
                                kind: rule.kind,
                                mode: rule.mode,
                                span,
                            });
                        }
                    }
                    Op::Downgrade => {
                        if let Some(lock) = self.api_lock(n, rule) {
                            self.emit(Event::Downgrade { lock, span });
                        }
                    }
                    Op::Transient | Op::Fault => {
                        if let Some(acq) = self.acquire_of(n, rule) {
                            self.transient(acq, span);
                        }
                    }
                }
                return;
            }
            let noreturn = self.fl.rules.noreturn.contains(name);
            // A local or parameter called is a function pointer (`fn(x)`, `cb(data)`).
            let indirect = self.lookup_var_type(name).is_some();
            let alias = self
                .fl
                .own_macros
                .get(name)
                .and_then(|w| Some((w.alias.clone()?, w.params.clone())));
            let callee = if indirect {
                self.slot(func)
            } else if let Some(((target, _), _)) = &alias {
                self.fl.intern_name(target)
            } else {
                self.fl.intern_name(name)
            };
            let args = match &alias {
                // `foo_lock(f)` for `__foo_lock(f, __LINE__)`: the function's arguments.
                Some(((_, templates), params)) => {
                    let given: Vec<&str> = n
                        .child_by_field_id(FIELDS.arguments)
                        .map(|a| named_children(a).map(|x| self.text(x)).collect())
                        .unwrap_or_default();
                    let texts = templates
                        .iter()
                        .map(|t| macros::substitute(t, params, &given))
                        .collect();
                    self.path_arg_ids(texts)
                }
                None => {
                    let texts = args
                        .iter()
                        .map(|&x| self.text(x).split_whitespace().collect())
                        .collect();
                    self.path_arg_ids(texts)
                }
            };
            self.emit(Event::Call {
                call: Call { callee, indirect },
                span,
                result: None,
                args,
            });
            if noreturn {
                self.finish(Terminator::Unreachable);
            }
        } else if func.kind_name() == "field_expression" {
            self.expr(func);
            let callee = self.slot(func);
            let args = self.path_args(n);
            self.emit(Event::Call {
                call: Call {
                    callee,
                    indirect: true,
                },
                span,
                result: None,
                args,
            });
        } else {
            self.expr(func);
        }
        // `&x` passed to a call may write `x` — unless the call is a branch condition
        // (`if (static_branch_unlikely(&key))`): a predicate, tested again later.
        if n.child_by_field_id(FIELDS.arguments).is_some() && self.condition_call != Some(n.id()) {
            let mut written: Vec<VarId> = args
                .iter()
                .copied()
                .filter(|a| a.kind_name() == "pointer_expression" && self.op(*a) == "&")
                .filter_map(|a| a.child_by_field_id(FIELDS.argument))
                .filter(|a| a.kind_name() == "identifier")
                .map(|a| self.text(a))
                .collect::<Vec<_>>()
                .into_iter()
                .map(|name| self.var(name))
                .collect();
            // A pointer parameter passed on (`__get_user_pages(..., locked)`): the callee
            // may write what it points to, which this function tests as `*locked`.
            written.extend(
                args.iter()
                    .copied()
                    .filter(|a| a.kind_name() == "identifier")
                    .filter(|a| self.params.iter().any(|p| p == self.text(*a)))
                    .filter_map(|a| self.vars.get(&pointee_name(self.text(a))).copied())
                    .collect::<Vec<_>>(),
            );
            // Before the call's event: what the callee writes is the value after it,
            // which the callee's summary may tie to a lock it dropped.
            let span = self.span(n);
            let events = &mut self.blocks[self.cur as usize].events;
            let at = events
                .iter()
                .rposition(|e| matches!(e, Event::Call { span: s, .. } if *s == span))
                .unwrap_or(events.len());
            events.splice(
                at..at,
                written
                    .into_iter()
                    .map(|var| Event::Assign { var, value: None }),
            );
        }
    }
}

/// Call arguments matter only where the caller may hold a lock: a function with no lock
/// event of its own drops them (they are most of the IR's size otherwise).
/// Call arguments matter where a callee's parameter-rooted lock may be one the function
/// holds, or may be passed on to its own callers' arguments: in a function without lock
/// events, only arguments rooted at its parameters are kept.
fn drop_unused_args(
    blocks: &mut [Block],
    call_args: &mut Vec<u32>,
    params: &[String],
    names: &[String],
) {
    let has_locks = blocks.iter().flat_map(|b| &b.events).any(|e| {
        !matches!(
            e,
            Event::Call { .. }
                | Event::Assign { .. }
                | Event::Copy { .. }
                | Event::HandOff { .. }
                | Event::Deref { .. }
        )
    });
    if has_locks {
        return;
    }
    for a in call_args.iter_mut().filter(|a| **a != NO_ARG) {
        let text = names[*a as usize].trim_start_matches('&');
        let root = &text[..text.find(['-', '.', '[']).unwrap_or(text.len())];
        // A constant tells a callee which branch on that parameter runs; so does the
        // address of a local flag (`&local_locked`), through what the callee finds there.
        let local_flag = names[*a as usize].starts_with('&')
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !params.iter().any(|p| p == root) && !is_constant_arg(text) && !local_flag {
            *a = NO_ARG;
        }
    }
    if call_args.iter().all(|&a| a == NO_ARG) {
        call_args.clear();
        call_args.shrink_to_fit();
        for e in blocks.iter_mut().flat_map(|b| &mut b.events) {
            if let Event::Call { args, .. } = e {
                *args = ArgRange::default();
            }
        }
    }
}

fn closing_brace_span(fb: &FnBuilder, block: Node) -> Span {
    let end = block.end_byte();
    let start = if fb.fl.text[..end].ends_with('}') {
        end - 1
    } else {
        end
    };
    Span::new(fb.fl.file, start, end)
}

/// An unsigned scalar type as the kernel spells it (`u8`, `unsigned int`, `size_t`).
fn is_unsigned_type(ty: &str) -> bool {
    matches!(
        ty,
        "u8" | "u16"
            | "u32"
            | "u64"
            | "__u8"
            | "__u16"
            | "__u32"
            | "__u64"
            | "uint8_t"
            | "uint16_t"
            | "uint32_t"
            | "uint64_t"
            | "size_t"
            | "bool"
            | "_Bool"
            | "unsigned"
    ) || ty.starts_with("unsigned ")
}

/// The variable standing for what pointer `name` points to (`*locked`).
fn pointee_name(name: &str) -> String {
    format!("*{name}")
}

/// A switch's dispatch, kept until the body is lowered: `lhs == label` jumps to the
/// label's block, and no match to `default`.
struct SwitchTests {
    dispatch: BlockId,
    lhs: String,
    /// The switched-on value as a variable, and the variables it reads.
    var: VarId,
    vars: Vec<VarId>,
    cases: Vec<(String, BlockId)>,
    default: BlockId,
}

/// Case labels tested one by one when a switch is lowered; a longer switch (a big ioctl
/// dispatcher) stays a plain fork.
const MAX_SWITCH_TESTS: usize = 64;

/// A constant as code writes one: a number or character, or an upper-case name (a macro
/// or enumerator, `HWLOCK_IRQ`, `-EAGAIN`).
fn is_constant_label(text: &str) -> bool {
    let t = text.trim().trim_start_matches('-').trim();
    let first = t.chars().next();
    first.is_some_and(|c| c.is_ascii_digit() || c == '\'')
        || (first.is_some_and(|c| c.is_ascii_uppercase() || c == '_')
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
}

/// An argument that is a constant a callee's test of the parameter can be decided by:
/// `true`, `NULL`, a number, or upper-case constants or'ed together (`MBX_POLL`,
/// `QMFLAGS_A | QMFLAGS_B`).
fn is_constant_arg(text: &str) -> bool {
    lockorder_ir::constant_truth(text).is_some() || or_ed_constants(text).is_some()
}

/// The names of upper-case constants or'ed together (`A | B`, `(A | B)`, one alone).
fn or_ed_constants(text: &str) -> Option<Vec<&str>> {
    text.split('|')
        .map(|t| t.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace()))
        .map(|t| (!t.is_empty() && is_constant_label(t)).then_some(t))
        .collect()
}

/// What an API call's acquisition of `lock` is, as its rule says.
fn api_acquire(lock: LockId, rule: &lockorder_rules::ApiRule) -> Acquire {
    Acquire {
        lock,
        kind: rule.kind,
        mode: rule.mode,
        irq: rule.irq,
        nested: rule.nested,
        waits: rule.op != Op::Trylock && !rule.backs_off,
        fault: rule.op == Op::Fault,
    }
}

fn strip_parens(mut n: Node) -> Node {
    while n.kind_name() == "parenthesized_expression" {
        match named_children(n).next() {
            Some(c) if n.named_child_count() == 1 => n = c,
            _ => break,
        }
    }
    n
}

fn flatten_commas<'t>(n: Node<'t>, out: &mut Vec<Node<'t>>) {
    if n.kind_name() == "comma_expression" {
        if let Some(l) = n.child_by_field_id(FIELDS.left) {
            flatten_commas(l, out);
        }
        if let Some(r) = n.child_by_field_id(FIELDS.right) {
            flatten_commas(r, out);
        }
    } else {
        out.push(n);
    }
}

/// Identifiers a condition reads (not called function names, not field names).
fn collect_identifiers<'t>(n: Node<'t>, out: &mut Vec<Node<'t>>, depth: usize) {
    if depth > 32 {
        return;
    }
    match n.kind_name() {
        "identifier" => out.push(n),
        // `dev->ready` is read as itself (assigning `dev->head` does not change it) and
        // through its base (assigning `dev` does).
        "field_expression" => {
            out.push(n);
            if let Some(a) = n.child_by_field_id(FIELDS.argument) {
                collect_identifiers(a, out, depth + 1);
            }
        }
        "call_expression" => {
            if let Some(a) = n.child_by_field_id(FIELDS.arguments) {
                collect_identifiers(a, out, depth + 1);
            }
        }
        _ => {
            for c in named_children(n) {
                collect_identifiers(c, out, depth + 1);
            }
        }
    }
}

fn return_value(text: &str) -> ReturnValue {
    let t = constant_text(text);
    let t = t.trim_start_matches('(').trim_end_matches(')');
    if is_zero(t) {
        ReturnValue::Zero
    } else if t == "1" || t == "true" {
        ReturnValue::One
    } else if t.starts_with("-E")
        || is_error_pointer(t)
        // `return PTR_ERR(p);` follows `IS_ERR(p)`: the error the pointer carried.
        || t.starts_with("PTR_ERR(")
        || (t.starts_with('-') && t[1..].bytes().all(|b| b.is_ascii_digit()) && t.len() > 1)
    {
        ReturnValue::Error
    } else {
        ReturnValue::Other
    }
}

/// A call's arguments, with argument `choice.0` read as `choice.1` where the call was
/// split on a choice between two arguments (see `FnBuilder::split_argument`).
fn chosen_args<'t>(call: Node<'t>, choice: Option<(usize, Node<'t>)>) -> Vec<Node<'t>> {
    call.child_by_field_id(FIELDS.arguments)
        .map(|a| {
            named_children(a)
                .enumerate()
                .map(|(j, x)| match choice {
                    Some((i, arm)) if i == j => arm,
                    _ => x,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A plain path argument, or its address: `dev`, `&priv->port`, `ctx.lock`.
fn is_path_arg(text: &str) -> bool {
    let plain = text.trim_start_matches('&');
    plain.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && plain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_>-.".contains(c))
}

/// An expression's text as constants are told apart: without whitespace.
fn constant_text(text: &str) -> String {
    text.split_whitespace().collect()
}

/// `ERR_PTR(...)`, `ERR_CAST(...)` (as [`constant_text`], without enclosing parentheses).
fn is_error_pointer(text: &str) -> bool {
    text.starts_with("ERR_PTR(") || text.starts_with("ERR_CAST(")
}

fn is_zero(text: &str) -> bool {
    matches!(text.trim(), "0" | "NULL" | "false" | "0UL" | "0L" | "0U")
}

fn is_statement(kind: &str) -> bool {
    matches!(
        kind,
        "compound_statement"
            | "expression_statement"
            | "declaration"
            | "if_statement"
            | "while_statement"
            | "do_statement"
            | "for_statement"
            | "switch_statement"
            | "case_statement"
            | "return_statement"
            | "break_statement"
            | "continue_statement"
            | "goto_statement"
            | "labeled_statement"
    )
}

/// The function an argument names: `foo_irq`, `&foo_irq`, `(irq_handler_t)foo_irq`.
fn function_name<'t>(arg: Node, text: &'t str) -> Option<&'t str> {
    let mut n = arg;
    loop {
        match n.kind_name() {
            "identifier" => {
                let name = &text[n.byte_range()];
                return (!name.starts_with(char::is_uppercase) && name != "NULL").then_some(name);
            }
            "parenthesized_expression" => n = n.named_child(0)?,
            "pointer_expression" => n = n.child_by_field_id(FIELDS.argument)?,
            "cast_expression" => n = n.child_by_field_id(FIELDS.value)?,
            _ => return None,
        }
    }
}

/// The paths of a file's `#include "x.h"` and `#include <x.h>` lines.
fn scan_includes(src: &str) -> Vec<String> {
    macros::directive_lines(src, "include", false)
        .filter_map(|rest| {
            let rest = rest.trim_start();
            let close = match rest.chars().next()? {
                '"' => '"',
                '<' => '>',
                _ => return None,
            };
            let inner = &rest[1..];
            Some(inner[..inner.find(close)?].to_string())
        })
        .collect()
}

/// Which of `fields` the text sets true: `->field = true;`, `.field = 1`. Each field is
/// looked for once, however many rules name it.
fn scan_fields_set<'r>(src: &str, fields: impl Iterator<Item = &'r String>) -> Vec<String> {
    let fields: std::collections::BTreeSet<&String> = fields.collect();
    fields
        .into_iter()
        .filter(|field| {
            memchr::memmem::find_iter(src.as_bytes(), field.as_bytes()).any(|at| {
                let before = src[..at].trim_end();
                let after = src[at + field.len()..].trim_start();
                (before.ends_with("->") || before.ends_with('.'))
                    && after.strip_prefix('=').is_some_and(|v| {
                        let v = v.trim_start();
                        !v.starts_with('=')
                            && ["true", "1"].iter().any(|t| {
                                v.strip_prefix(t)
                                    .is_some_and(|rest| rest.trim_start().starts_with([';', ',']))
                            })
                    })
            })
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_set_true_are_found() {
        let fields = ["nonatomic".to_string(), "atomic".to_string()];
        let src = "pcm->nonatomic = true;\nx.atomic == 1;\ny->atomic = 10;\n";
        assert_eq!(
            scan_fields_set(src, fields.iter()),
            vec!["nonatomic".to_string()]
        );
    }

    #[test]
    fn a_header_of_directives_is_not_parsed_but_its_lock_macros_are_learned() {
        let rules = Rules::defaults();
        let src = "#define REG_A 0x10\n#define hw_lock(h)\tspin_lock(&(h)->lock)\n";
        let facts = CFrontEnd::new().lower_file(FileId(0), src, &rules, &MacroTable::default());
        assert_eq!(facts.stats.parse_ns, 0);
        assert_eq!(facts.macro_wrappers.len(), 1);
        assert_eq!(facts.macro_wrappers[0].name, "hw_lock");
    }

    #[test]
    fn syntax_errors_are_seen_as_errors() {
        let rules = Rules::defaults();
        let src = "int a = 1 +;\n}\nvoid f(void)\n{\n}\n";
        let facts = CFrontEnd::new().lower_file(FileId(0), src, &rules, &MacroTable::default());
        assert!(facts.stats.error_nodes > 0);
    }
}
