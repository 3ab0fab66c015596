// JavaScript: the string-literal specifiers a file requires or imports when it is loaded.
#include "initcost/WeigherSupport.h"

namespace ll::weigherdetail {

namespace {


bool isJsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

bool isJsIdentChar(char c) { return isJsIdentStart(c) || (c >= '0' && c <= '9'); }

/// Finds `import ... from 'x'`, `import 'x'`, `export ... from 'x'` and the `require('x')`
/// calls that run when the file is loaded: at the top level, in blocks, or in functions that
/// are invoked where they are defined (`(function () { ... })()`, `!function () {...}()`,
/// `(() => {...})()`, `function () {...}.call(this)`). A `require` inside any other function
/// body or arrow function runs only when that function is called, and `import('x')` is lazy.
/// Comments, strings, template literals and regular expression literals are skipped roughly:
/// well enough for real packages, not a JavaScript parser.
class JsScanner {
public:
  explicit JsScanner(std::string_view src) : s_(src) {}

  std::vector<std::string> scan() {
    bool have = advance();
    while (have) {
      const bool member = isPunct(prev_, ".");
      if (!member && isIdent(tok_, "require")) {
        if (!advance()) break;
        if (!isPunct(tok_, "(")) continue;
        if (!advance()) break;
        if (tok_.kind != Tok::String || !tok_.plain) continue;
        std::string spec = tok_.value;
        if (!advance()) break;
        if (isPunct(tok_, ")")) deliver({std::move(spec)});
        continue;
      }
      if (!member && isIdent(tok_, "import")) {
        if (!advance()) break;
        if (tok_.kind == Tok::String) { // import 'x'
          if (tok_.plain) out_.push_back(tok_.value);
          have = advance();
          continue;
        }
        if (isPunct(tok_, "(") || isPunct(tok_, ".")) continue; // import('x'); import.meta
        if (auto spec = fromClause()) out_.push_back(std::move(*spec));
        continue;
      }
      if (!member && isIdent(tok_, "export")) {
        if (!advance()) break;
        if (!isPunct(tok_, "*") && !isPunct(tok_, "{") && !isIdent(tok_, "type")) continue;
        if (auto spec = fromClause()) out_.push_back(std::move(*spec));
        continue;
      }
      have = advance();
    }
    return std::move(out_);
  }

private:
  enum class Tok { None, Ident, String, Punct, Number };
  struct Token {
    Tok kind = Tok::None;
    std::string_view text; // identifier or punctuation
    std::string value;     // a string literal's value
    bool plain = true;     // a string without escapes, a template without ${}
    bool newline = false;  // a line break came before it
  };
  /// An open bracket, or the expression body of an arrow function ('a').
  struct Frame {
    char kind = '{';
    bool function = false;       // a function body
    bool started = false;        // an arrow body: has a token
    std::string_view owner;      // '(': the identifier before it (`if`, `for`, a name)
    std::vector<std::string> pending; // requires in a function body, kept if it is invoked
  };

  static bool isPunct(const Token& x, std::string_view p) {
    return x.kind == Tok::Punct && x.text == p;
  }
  static bool isIdent(const Token& x, std::string_view w) {
    return x.kind == Tok::Ident && x.text == w;
  }
  static bool keywordBeforeRegex(std::string_view w) {
    static const std::set<std::string_view> kWords = {
        "return", "typeof", "case", "do", "else", "in", "of", "new", "delete",
        "void", "throw", "instanceof", "yield", "await"};
    return kWords.contains(w);
  }
  static bool controlKeyword(std::string_view w) {
    return w == "if" || w == "for" || w == "while" || w == "switch" || w == "catch" ||
           w == "with" || w == "await";
  }

  /// Requires found here: into the innermost function body, or out when there is none.
  void deliver(std::vector<std::string> specs) {
    for (Frame& f : std::views::reverse(frames_)) {
      if (f.function) {
        for (auto& sp : specs) f.pending.push_back(std::move(sp));
        return;
      }
    }
    for (auto& sp : specs) out_.push_back(std::move(sp));
  }

  bool advance() {
    prev_ = std::move(tok_);
    if (!lex(tok_)) return false;
    track(prev_, tok_);
    return true;
  }

  /// Keeps the bracket/function structure up to date with token `t` (after `before`).
  void track(const Token& before, const Token& t) {
    // A function body that just closed: invoked right there?
    if (closed_ != Closed::None) {
      const Closed state = closed_;
      closed_ = Closed::None;
      const bool invoked = state == Closed::Dot ? isIdent(t, "call") || isIdent(t, "apply")
                                                : isPunct(t, "(");
      if (invoked) deliver(std::move(closedPending_));
      else if (isPunct(t, ")") && state == Closed::Brace) closed_ = Closed::Paren;
      else if (isPunct(t, ".") && state != Closed::Dot) closed_ = Closed::Dot;
      if (closed_ == Closed::None) closedPending_.clear();
    }
    // The expression body of an arrow function ends at `,`, `;`, a closing bracket, or a line
    // break after its first token.
    while (!frames_.empty() && frames_.back().kind == 'a') {
      const Frame& a = frames_.back();
      const bool end = isPunct(t, ",") || isPunct(t, ";") || isPunct(t, ")") ||
                       isPunct(t, "]") || isPunct(t, "}") || (t.newline && a.started);
      if (!end) break;
      frames_.pop_back();
    }
    if (isPunct(before, "=>") && !isPunct(t, "{") && frames_.size() < kMaxFrames) {
      Frame a;
      a.kind = 'a';
      a.function = true;
      frames_.push_back(std::move(a));
    }
    if (!frames_.empty() && frames_.back().kind == 'a') frames_.back().started = true;
    if (t.kind != Tok::Punct) return;
    const char c = t.text.size() == 1 ? t.text[0] : '\0';
    if ((c == '(' || c == '[' || c == '{') && frames_.size() < kMaxFrames) {
      Frame f;
      f.kind = c;
      if (c == '(' && before.kind == Tok::Ident) f.owner = before.text;
      if (c == '{')
        f.function = isPunct(before, "=>") || (isPunct(before, ")") && !controlKeyword(lastOwner_));
      frames_.push_back(std::move(f));
      return;
    }
    if (c == ')' || c == ']' || c == '}') {
      const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
      while (!frames_.empty()) {
        Frame f = std::move(frames_.back());
        frames_.pop_back();
        if (f.kind != open) continue;
        if (open == '(') lastOwner_ = f.owner;
        if (open == '{' && f.function) {
          closedPending_ = std::move(f.pending);
          closed_ = Closed::Brace;
        }
        break;
      }
    }
  }

  /// After `import`/`export`: the bindings up to `from 'x'`. The current token is the
  /// clause's first. Returns the specifier, or nothing (the current token is then left for
  /// the main loop).
  std::optional<std::string> fromClause() {
    bool closedBrace = false;
    for (size_t k = 0; k < kMaxClauseTokens; ++k) {
      if (isIdent(tok_, "from")) {
        if (!advance()) return std::nullopt;
        if (tok_.kind == Tok::String && tok_.plain) return tok_.value;
        return std::nullopt;
      }
      if (closedBrace) return std::nullopt; // `export { a };` has no source
      if (isPunct(tok_, "{")) {
        while (advance() && !isPunct(tok_, "}")) {
          if (tok_.kind != Tok::Ident && !isPunct(tok_, ",") && tok_.kind != Tok::String)
            return std::nullopt;
        }
        closedBrace = true;
      } else if (tok_.kind != Tok::Ident && !isPunct(tok_, ",") && !isPunct(tok_, "*")) {
        return std::nullopt;
      }
      if (!advance()) return std::nullopt;
    }
    return std::nullopt;
  }

  /// Skips blanks and comments; notes a line break.
  void skipSpace(bool& newline) {
    const size_t n = s_.size();
    while (i_ < n) {
      const char c = s_[i_];
      if (c == '\n') {
        newline = true;
        ++i_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++i_;
      } else if ((c == '/' && i_ + 1 < n && s_[i_ + 1] == '/') ||
                 (c == '#' && i_ == 0 && n > 1 && s_[1] == '!')) { // a comment, a shebang
        while (i_ < n && s_[i_] != '\n') ++i_;
      } else if (c == '/' && i_ + 1 < n && s_[i_ + 1] == '*') {
        const size_t e = s_.find("*/", i_ + 2);
        if (s_.substr(i_, (e == std::string_view::npos ? n : e) - i_).find('\n') !=
            std::string_view::npos)
          newline = true;
        i_ = e == std::string_view::npos ? n : e + 2;
      } else {
        break;
      }
    }
  }

  void lexQuoted(Token& t, char quote) {
    const size_t n = s_.size();
    ++i_;
    t.kind = Tok::String;
    while (i_ < n && s_[i_] != quote && s_[i_] != '\n') {
      if (s_[i_] == '\\') {
        t.plain = false;
        i_ += 2;
        continue;
      }
      t.value += s_[i_++];
    }
    if (i_ < n && s_[i_] == quote) ++i_;
  }

  void lexTemplate(Token& t) {
    const size_t n = s_.size();
    ++i_;
    t.kind = Tok::String;
    int braces = 0;
    while (i_ < n) {
      const char c = s_[i_];
      if (c == '\\') {
        t.plain = false;
        i_ += 2;
        continue;
      }
      if (braces == 0 && c == '`') break;
      if (braces == 0 && c == '$' && i_ + 1 < n && s_[i_ + 1] == '{') {
        t.plain = false;
        braces = 1;
        i_ += 2;
        continue;
      }
      if (braces > 0) {
        if (c == '{') ++braces;
        else if (c == '}') --braces;
      } else {
        t.value += c;
      }
      ++i_;
    }
    if (i_ < n) ++i_;
  }

  /// A regular expression literal (the `/` is at i_).
  void lexRegex(Token& t) {
    const size_t n = s_.size();
    ++i_;
    bool inClass = false;
    while (i_ < n && s_[i_] != '\n') {
      const char c = s_[i_];
      if (c == '\\') {
        i_ += 2;
        continue;
      }
      if (c == '[') inClass = true;
      else if (c == ']') inClass = false;
      else if (c == '/' && !inClass) break;
      ++i_;
    }
    if (i_ < n && s_[i_] == '/') ++i_;
    while (i_ < n && isJsIdentChar(s_[i_])) ++i_; // flags
    t.kind = Tok::String; // a literal: a division may follow
    t.plain = false;
  }

  bool lex(Token& t) {
    t = Token();
    skipSpace(t.newline);
    const size_t n = s_.size();
    if (i_ >= n) return false;
    const char c = s_[i_];
    if (c == '\'' || c == '"') {
      lexQuoted(t, c);
      return true;
    }
    if (c == '`') {
      lexTemplate(t);
      return true;
    }
    if (isJsIdentStart(c) || c == '\\') {
      const size_t b = i_;
      while (i_ < n && (isJsIdentChar(s_[i_]) || s_[i_] == '\\')) ++i_;
      t.kind = Tok::Ident;
      t.text = s_.substr(b, i_ - b);
      return true;
    }
    if (c >= '0' && c <= '9') {
      while (i_ < n && (isJsIdentChar(s_[i_]) || s_[i_] == '.')) ++i_;
      t.kind = Tok::Number;
      return true;
    }
    if (c == '/' && (prev_.kind == Tok::None || // the token before `/` tells a regex
                     (prev_.kind == Tok::Punct && prev_.text != ")" && prev_.text != "]") ||
                     (prev_.kind == Tok::Ident && keywordBeforeRegex(prev_.text)))) {
      lexRegex(t);
      return true;
    }
    t.kind = Tok::Punct;
    t.text = s_.substr(i_, c == '=' && i_ + 1 < n && s_[i_ + 1] == '>' ? 2 : 1);
    i_ += t.text.size();
    return true;
  }

  static constexpr size_t kMaxFrames = 4096;
  enum class Closed { None, Brace, Paren, Dot }; // after `}`, `})`, `}.` or `}).`

  std::string_view s_;
  size_t i_ = 0;
  Token tok_;
  Token prev_;
  std::vector<Frame> frames_;
  std::string_view lastOwner_;
  Closed closed_ = Closed::None;
  std::vector<std::string> closedPending_;
  std::vector<std::string> out_;
};

} // namespace

std::vector<std::string> scanJavaScript(std::string_view src) { return JsScanner(src).scan(); }

bool isNodeBuiltin(const std::string& spec, const ImportCosts& costs) {
  if (spec.starts_with("node:")) return true;
  if (spec.ends_with("/")) return false; // `require('punycode/')` asks for the npm package
  return costs.isStdlib("javascript", spec);
}

bool isRelativeSpecifier(std::string_view spec) {
  return spec == "." || spec == ".." || spec.starts_with("./") || spec.starts_with("../") ||
         spec.starts_with("/");
}

} // namespace ll::weigherdetail
