// prisma-binary-targets-lambda: the Prisma Client generator builds no query
// engine for the runtime and architecture of the project's Lambda functions.
#include <map>
#include <set>

#include "checks/check.h"
#include "checks/prisma/lambda_engine.h"
#include "checks/prisma/prisma_checks.h"
#include "checks/prisma/prisma_file.h"
#include "checks/prisma/prisma_messages.h"

namespace rdslint {
namespace {

struct Need {
  LambdaEngine engine;
  std::vector<std::string> functions;
};

// The architectures of a function: its literal list, x86_64 (Lambda's
// default) when none is written, or nothing when they cannot be read.
std::vector<std::string> Architectures(const iac::Value& v) {
  using Kind = iac::Value::Kind;
  if (v.kind == Kind::kNull || (v.kind == Kind::kUnknown && !v.origin.known() && v.text.empty())) {
    return {"x86_64"};
  }
  if (v.is_literal_string()) return {v.text};
  if (v.kind != Kind::kList) return {};
  if (v.items.empty()) return {"x86_64"};
  std::vector<std::string> out;
  for (const iac::Value& item : v.items) {
    if (!item.is_literal_string()) return {};
    out.push_back(item.text);
  }
  return out;
}

std::map<std::string, Need> NeededEngines(const iac::Graph& graph) {
  std::map<std::string, Need> needed;
  for (const iac::Function& f : graph.functions) {
    if (!f.runtime.is_literal_string()) continue;
    for (const std::string& arch : Architectures(f.architectures)) {
      std::optional<LambdaEngine> e = LambdaEngineFor(f.runtime.text, arch);
      if (!e) continue;
      Need& n = needed[e->target];
      n.engine = *e;
      n.functions.push_back(f.id);
    }
  }
  return needed;
}

std::string FunctionList(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < 3; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > 3) out += " and " + std::to_string(ids.size() - 3) + " more";
  return out;
}

std::string Quoted(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "\"" : ", \"") + n + "\"";
  return out;
}

class PrismaBinaryTargetsLambdaCheck : public Check {
 public:
  PrismaBinaryTargetsLambdaCheck() : Check("prisma-binary-targets-lambda") {}

  // The engines the project's functions need: once, not once per schema.
  void Prepare(const ProjectFacts& project) override {
    needed_ = NeededEngines(project.graph);
    prepared_for_ = &project;
  }

  void CheckPrisma(const PrismaFile& file, CheckContext& ctx) override {
    if (file.source != PrismaFile::Source::kSchema) return;
    const ProjectFacts& project = ctx.project();
    const std::map<std::string, Need> computed =
        prepared_for_ == &project ? std::map<std::string, Need>() : NeededEngines(project.graph);
    const std::map<std::string, Need>& needed = prepared_for_ == &project ? needed_ : computed;
    if (needed.empty()) return;
    for (const prisma::Block& b : file.schema->blocks) {
      if (b.kind == prisma::BlockKind::kGenerator) CheckGenerator(b, needed, ctx);
    }
  }

 private:
  static void CheckGenerator(const prisma::Block& b, const std::map<std::string, Need>& needed,
                             CheckContext& ctx) {
    const ProjectFacts& project = ctx.project();
    const prisma::Property* provider = b.Find("provider");
    if (!provider || !provider->value.is_string()) return;
    const std::string& name = provider->value.string.text;
    if (name != "prisma-client-js" && name != "prisma-client") return;  // another generator
    std::string engine_type;
    if (const prisma::Property* engine = b.Find("engineType")) {
      if (!engine->value.is_string()) return;  // env(...): cannot tell
      engine_type = engine->value.string.text;
    }
    // No Rust query engine: engineType "client" (GA in 6.16, with a driver
    // adapter), the queryCompiler preview (6.7-6.15), or Prisma 7's default.
    if (engine_type == "client") return;
    if (const prisma::Property* preview = b.Find("previewFeatures")) {
      for (const prisma::Expression& item : preview->value.items) {
        if (item.is_string() && item.string.text == "queryCompiler") return;
      }
    }
    if (project.IsPrisma7() && engine_type.empty()) return;

    const prisma::Property* targets = b.Find("binaryTargets");
    std::set<std::string> have;
    if (targets) {
      if (targets->value.kind != prisma::Expression::Kind::kArray) return;  // env(...)
      for (const prisma::Expression& item : targets->value.items) {
        if (!item.is_string()) return;
        have.insert(item.string.text);
      }
    } else {
      have.insert("native");
    }
    std::set<std::string> missing;
    std::string detail;
    bool arm64_note = false;
    for (const auto& [target, need] : needed) {
      if (have.count(target)) continue;
      missing.insert(target);
      detail += (detail.empty() ? "" : "; ") + target + " for " + need.engine.platform + " (" +
                FunctionList(need.functions) + ")";
      arm64_note |= need.engine.arm64_openssl3;
    }
    if (missing.empty()) return;

    std::string message =
        "generator " + b.name + " builds no query engine for the project's Lambda functions: " +
        detail + ". binaryTargets " +
        (targets ? "lists " + Quoted(have) : std::string("is not set, so only \"native\" (the build machine's engine) is built")) +
        ", and the function fails on its first query with 'Prisma Client could not locate the "
        "Query Engine for runtime \"" + *missing.begin() + "\"' (" + project.PrismaGeneration() +
        " with the Rust query engine); add " + Quoted(missing) +
        " and run prisma generate, or use engineType = \"client\" with a driver adapter "
        "(Prisma 6.16 or later), which needs no engine";
    if (arm64_note) {
      message += ". Prisma's Lambda page shows linux-arm64-openssl-1.0.x, the arm64 engine for "
                 "Node.js 16/18 on Amazon Linux 2; Node.js 20 and later run on Amazon Linux "
                 "2023, whose OpenSSL 3 needs linux-arm64-openssl-3.0.x from Prisma's target list";
    }
    if (targets) {
      Finding& f = ctx.Report(targets->value.range, message);
      std::string add;
      for (const std::string& t : missing) {
        add += (add.empty() && targets->value.items.empty() ? "\"" : ", \"") + t + "\"";
      }
      const uint32_t close = targets->value.range.end - 1;  // the ']'
      ctx.AddFix(f, "add the Lambda engines to binaryTargets", {{SourceRange{close, close}, add}});
    } else {
      Finding& f = ctx.Report(b.name_range, message);
      const uint32_t at = provider->line_range.end;
      std::string line = provider->indent + "binaryTargets = [\"native\", ";
      bool first = true;
      for (const std::string& t : missing) {
        line += (first ? "\"" : ", \"") + t + "\"";
        first = false;
      }
      line += "]" + (provider->line_break.empty() ? std::string("\n") : provider->line_break);
      ctx.AddFix(f, "set binaryTargets for the Lambda engines", {{SourceRange{at, at}, line}});
    }
  }

  std::map<std::string, Need> needed_;
  const ProjectFacts* prepared_for_ = nullptr;
};

}  // namespace

std::unique_ptr<Check> CreatePrismaBinaryTargetsLambdaCheck() {
  return std::make_unique<PrismaBinaryTargetsLambdaCheck>();
}

}  // namespace rdslint
