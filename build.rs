//! Parses the built-in templates at build time and writes Rust code that rebuilds each one's tera
//! syntax tree, so a run does not parse them again. Parsing was most of a small run: tera's
//! parser takes about 2 ms for `brief.html.tera` alone, rebuilding the tree takes microseconds.
//! Overrides from `--templates` are still parsed at run time; the unit test
//! `report::templates::tests::prebuilt_templates_match_the_parser` checks that the code written
//! here gives the very tree that `tera::Template::new` gives.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use tera::ast::{Block, Expr, ExprVal, FunctionCall, If, MacroDefinition, Node, WS};

fn main() {
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=tests/fixtures/templates");
    println!("cargo:rerun-if-changed=build.rs");
    let mut code = String::from(
        "// Written by build.rs from templates/*.tera: the parsed templates. Do not edit.\n",
    );
    write_folder(&mut code, "templates", "template");
    // A template using every construct tera has, only for the test that checks this file.
    write_folder(&mut code, "tests/fixtures/templates", "fixture");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("prebuilt_templates.rs");
    std::fs::write(out, code).expect("writing the prebuilt templates");
}

/// `pub fn <function>(name) -> Option<tera::Template>` for every `.tera` file in `folder`.
fn write_folder(code: &mut String, folder: &str, function: &str) {
    let dir = Path::new(folder);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("the folder {folder}: {error}"))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".tera"))
        .collect();
    names.sort();
    writeln!(
        code,
        "\n/// The template of this name in {folder}/, already parsed."
    )
    .unwrap();
    writeln!(
        code,
        "pub fn {function}(name: &str) -> Option<tera::Template> {{"
    )
    .unwrap();
    code.push_str("    match name {\n");
    for (index, name) in names.iter().enumerate() {
        writeln!(code, "        {name:?} => Some({function}_{index}()),").unwrap();
    }
    code.push_str("        _ => None,\n    }\n}\n");
    for (index, name) in names.iter().enumerate() {
        let text = std::fs::read_to_string(dir.join(name)).expect("a readable template");
        let template = tera::Template::new(name, None, &text)
            .unwrap_or_else(|error| panic!("{folder}/{name} does not parse: {error:?}"));
        writeln!(code, "\nfn {function}_{index}() -> tera::Template {{").unwrap();
        code.push_str("    tera::Template {\n");
        writeln!(code, "        name: {:?}.to_string(),", template.name).unwrap();
        code.push_str("        path: None,\n");
        code.push_str("        ast: ");
        nodes(code, &template.ast);
        code.push_str(",\n        from_extend: false,\n        macros: ");
        map(code, &template.macros, macro_definition);
        code.push_str(",\n        imported_macro_files: vec![");
        for (file, namespace) in &template.imported_macro_files {
            write!(code, "({}, {}),", s(file), s(namespace)).unwrap();
        }
        code.push_str("],\n        parent: ");
        option(code, &template.parent, |code, p| code.push_str(&s(p)));
        code.push_str(",\n        blocks: ");
        map(code, &template.blocks, block);
        code.push_str(",\n        parents: Vec::new(),\n");
        code.push_str("        blocks_definitions: std::collections::HashMap::new(),\n    }\n}\n");
    }
}

fn s(text: &str) -> String {
    format!("{text:?}.to_string()")
}

fn option<T>(code: &mut String, value: &Option<T>, some: impl Fn(&mut String, &T)) {
    match value {
        Some(value) => {
            code.push_str("Some(");
            some(code, value);
            code.push(')');
        }
        None => code.push_str("None"),
    }
}

/// A map with its keys sorted, so the generated file is the same on every build.
fn map<T>(code: &mut String, map: &HashMap<String, T>, value: impl Fn(&mut String, &T)) {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    code.push_str("std::collections::HashMap::from([");
    for key in keys {
        write!(code, "({}, ", s(key)).unwrap();
        value(code, &map[key]);
        code.push_str("),");
    }
    code.push_str("])");
}

fn list<T>(code: &mut String, items: &[T], item: impl Fn(&mut String, &T)) {
    code.push_str("vec![");
    for x in items {
        item(code, x);
        code.push(',');
    }
    code.push(']');
}

fn ws(code: &mut String, ws: &WS) {
    write!(
        code,
        "tera::ast::WS {{ left: {}, right: {} }}",
        ws.left, ws.right
    )
    .unwrap();
}

fn nodes(code: &mut String, body: &[Node]) {
    list(code, body, node);
}

fn node(code: &mut String, node: &Node) {
    code.push_str("tera::ast::Node::");
    match node {
        Node::Super => code.push_str("Super"),
        Node::Text(text) => write!(code, "Text({})", s(text)).unwrap(),
        Node::VariableBlock(w, e) => {
            code.push_str("VariableBlock(");
            ws(code, w);
            code.push(',');
            expr(code, e);
            code.push(')');
        }
        Node::MacroDefinition(w1, m, w2) => {
            code.push_str("MacroDefinition(");
            ws(code, w1);
            code.push(',');
            macro_definition(code, m);
            code.push(',');
            ws(code, w2);
            code.push(')');
        }
        Node::Extends(w, name) => {
            code.push_str("Extends(");
            ws(code, w);
            write!(code, ", {})", s(name)).unwrap();
        }
        Node::Include(w, names, ignore_missing) => {
            code.push_str("Include(");
            ws(code, w);
            code.push(',');
            list(code, names, |code, n| code.push_str(&s(n)));
            write!(code, ", {ignore_missing})").unwrap();
        }
        Node::ImportMacro(w, file, namespace) => {
            code.push_str("ImportMacro(");
            ws(code, w);
            write!(code, ", {}, {})", s(file), s(namespace)).unwrap();
        }
        Node::Set(w, set) => {
            code.push_str("Set(");
            ws(code, w);
            write!(code, ", tera::ast::Set {{ key: {}, value: ", s(&set.key)).unwrap();
            expr(code, &set.value);
            write!(code, ", global: {} }})", set.global).unwrap();
        }
        Node::Raw(w1, text, w2) => {
            code.push_str("Raw(");
            ws(code, w1);
            write!(code, ", {}, ", s(text)).unwrap();
            ws(code, w2);
            code.push(')');
        }
        Node::FilterSection(w1, section, w2) => {
            code.push_str("FilterSection(");
            ws(code, w1);
            code.push_str(", tera::ast::FilterSection { filter: ");
            function_call(code, &section.filter);
            code.push_str(", body: ");
            nodes(code, &section.body);
            code.push_str(" }, ");
            ws(code, w2);
            code.push(')');
        }
        Node::Block(w1, b, w2) => {
            code.push_str("Block(");
            ws(code, w1);
            code.push(',');
            block(code, b);
            code.push(',');
            ws(code, w2);
            code.push(')');
        }
        Node::Forloop(w1, f, w2) => {
            code.push_str("Forloop(");
            ws(code, w1);
            code.push_str(", tera::ast::Forloop { key: ");
            option(code, &f.key, |code, k| code.push_str(&s(k)));
            write!(code, ", value: {}, container: ", s(&f.value)).unwrap();
            expr(code, &f.container);
            code.push_str(", body: ");
            nodes(code, &f.body);
            code.push_str(", empty_body: ");
            option(code, &f.empty_body, |code, b| nodes(code, b));
            code.push_str(" }, ");
            ws(code, w2);
            code.push(')');
        }
        Node::If(i, w) => {
            code.push_str("If(");
            if_node(code, i);
            code.push(',');
            ws(code, w);
            code.push(')');
        }
        Node::Break(w) => {
            code.push_str("Break(");
            ws(code, w);
            code.push(')');
        }
        Node::Continue(w) => {
            code.push_str("Continue(");
            ws(code, w);
            code.push(')');
        }
        Node::Comment(w, text) => {
            code.push_str("Comment(");
            ws(code, w);
            write!(code, ", {})", s(text)).unwrap();
        }
    }
}

fn if_node(code: &mut String, node: &If) {
    code.push_str("tera::ast::If { conditions: ");
    list(code, &node.conditions, |code, (w, e, body)| {
        code.push('(');
        ws(code, w);
        code.push(',');
        expr(code, e);
        code.push(',');
        nodes(code, body);
        code.push(')');
    });
    code.push_str(", otherwise: ");
    option(code, &node.otherwise, |code, (w, body)| {
        code.push('(');
        ws(code, w);
        code.push(',');
        nodes(code, body);
        code.push(')');
    });
    code.push_str(" }");
}

fn block(code: &mut String, block: &Block) {
    write!(code, "tera::ast::Block {{ name: {}, body: ", s(&block.name)).unwrap();
    nodes(code, &block.body);
    code.push_str(" }");
}

fn macro_definition(code: &mut String, m: &MacroDefinition) {
    write!(
        code,
        "tera::ast::MacroDefinition {{ name: {}, args: ",
        s(&m.name)
    )
    .unwrap();
    map(code, &m.args, |code, default| option(code, default, expr));
    code.push_str(", body: ");
    nodes(code, &m.body);
    code.push_str(" }");
}

fn function_call(code: &mut String, call: &FunctionCall) {
    write!(
        code,
        "tera::ast::FunctionCall {{ name: {}, args: ",
        s(&call.name)
    )
    .unwrap();
    map(code, &call.args, expr);
    code.push_str(" }");
}

fn expr(code: &mut String, e: &Expr) {
    code.push_str("tera::ast::Expr { val: ");
    expr_val(code, &e.val);
    write!(code, ", negated: {}, filters: ", e.negated).unwrap();
    list(code, &e.filters, function_call);
    code.push_str(" }");
}

fn boxed(code: &mut String, e: &Expr) {
    code.push_str("Box::new(");
    expr(code, e);
    code.push(')');
}

/// `head { lhs: .., rhs: .., rest })`: the binary expressions.
fn two_sides(code: &mut String, head: &str, lhs: &Expr, rhs: &Expr, rest: &str) {
    write!(code, "{head} {{ lhs: ").unwrap();
    boxed(code, lhs);
    code.push_str(", rhs: ");
    boxed(code, rhs);
    write!(code, ", {rest} }})").unwrap();
}

fn expr_val(code: &mut String, val: &ExprVal) {
    code.push_str("tera::ast::ExprVal::");
    match val {
        ExprVal::String(text) => write!(code, "String({})", s(text)).unwrap(),
        ExprVal::Int(n) => write!(code, "Int({n}_i64)").unwrap(),
        ExprVal::Float(x) => write!(code, "Float({x:?}_f64)").unwrap(),
        ExprVal::Bool(b) => write!(code, "Bool({b})").unwrap(),
        ExprVal::Ident(name) => write!(code, "Ident({})", s(name)).unwrap(),
        // The operators' Debug names are their variant names.
        ExprVal::Math(m) => two_sides(
            code,
            "Math(tera::ast::MathExpr",
            &m.lhs,
            &m.rhs,
            &format!("operator: tera::ast::MathOperator::{:?}", m.operator),
        ),
        ExprVal::Logic(l) => two_sides(
            code,
            "Logic(tera::ast::LogicExpr",
            &l.lhs,
            &l.rhs,
            &format!("operator: tera::ast::LogicOperator::{:?}", l.operator),
        ),
        ExprVal::Test(t) => {
            write!(
                code,
                "Test(tera::ast::Test {{ ident: {}, negated: {}, name: {}, args: ",
                s(&t.ident),
                t.negated,
                s(&t.name)
            )
            .unwrap();
            list(code, &t.args, expr);
            code.push_str(" })");
        }
        ExprVal::MacroCall(m) => {
            write!(
                code,
                "MacroCall(tera::ast::MacroCall {{ namespace: {}, name: {}, args: ",
                s(&m.namespace),
                s(&m.name)
            )
            .unwrap();
            map(code, &m.args, expr);
            code.push_str(" })");
        }
        ExprVal::FunctionCall(call) => {
            code.push_str("FunctionCall(");
            function_call(code, call);
            code.push(')');
        }
        ExprVal::Array(items) => {
            code.push_str("Array(");
            list(code, items, expr);
            code.push(')');
        }
        ExprVal::StringConcat(concat) => {
            code.push_str("StringConcat(tera::ast::StringConcat { values: ");
            list(code, &concat.values, expr_val);
            code.push_str(" })");
        }
        ExprVal::In(i) => two_sides(
            code,
            "In(tera::ast::In",
            &i.lhs,
            &i.rhs,
            &format!("negated: {}", i.negated),
        ),
    }
}
