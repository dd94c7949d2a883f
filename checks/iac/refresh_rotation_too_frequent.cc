// iac-refresh-rotation-too-frequent: a DB credential secret rotated more
// often than MinRotationDays with the single-user strategy.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "checks/iac/iac_checks.h"
#include "checks/iac/iac_common.h"

namespace rdslint {
namespace iacrules {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<int> Int(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<int> Weekday(std::string_view s) {
  static constexpr std::string_view kNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  for (int i = 0; i < 7; ++i) {
    if (IEquals(s, kNames[i])) return i;
  }
  if (std::optional<int> n = Int(s); n && *n >= 1 && *n <= 7) return *n - 1;  // 1 = SUN
  return std::nullopt;
}

// The smallest gap, in days, between the days of a cycle of `period` days.
double MinGap(const std::set<int>& days, int period) {
  if (days.size() < 2) return period;
  int gap = period;
  int prev = *days.rbegin() - period;
  for (int d : days) {
    gap = std::min(gap, d - prev);
    prev = d;
  }
  return gap;
}

// The days between two rotations of a cron(...) schedule (minutes hours
// day-of-month month day-of-week year), when it can be told; fractions of a
// day for several rotations a day.
std::optional<double> CronInterval(std::string_view body) {
  std::vector<std::string> f;
  for (const std::string& part : Split(body, ' ')) {
    if (!part.empty()) f.push_back(part);
  }
  if (f.size() != 6) return std::nullopt;
  const std::string& hours = f[1];
  const std::string& dom = f[2];
  const std::string& dow = f[4];
  if (f[3] != "*") return std::nullopt;  // some months only: rare, left alone
  const bool several_a_day = hours.find_first_of("*/,-") != std::string::npos;
  const double day = several_a_day ? 0.5 : 1;
  const bool any_dom = dom == "*" || dom == "?";
  const bool any_dow = dow == "*" || dow == "?";
  if (any_dom && any_dow) return day;
  if (!any_dom && any_dow) {
    if (size_t slash = dom.find('/'); slash != std::string::npos) {
      std::optional<int> step = Int(dom.substr(slash + 1));
      if (!step || *step == 0) return std::nullopt;
      return std::max<double>(*step, day);
    }
    std::set<int> days;
    for (const std::string& d : Split(dom, ',')) {
      std::optional<int> n = Int(d);
      if (!n) return d == "L" && dom == "L" ? std::optional<double>(28) : std::nullopt;
      days.insert(*n);
    }
    return MinGap(days, 28);
  }
  if (any_dom && !any_dow) {
    if (dow.find('#') != std::string::npos || dow.find('L') != std::string::npos) return 28;
    std::set<int> days;
    for (const std::string& item : Split(dow, ',')) {
      const size_t dash = item.find('-');
      std::optional<int> a = Weekday(item.substr(0, dash));
      std::optional<int> b = dash == std::string::npos ? a : Weekday(item.substr(dash + 1));
      if (!a || !b) return std::nullopt;
      for (int d = *a;; d = (d + 1) % 7) {
        days.insert(d);
        if (d == *b) break;
      }
    }
    return std::max(MinGap(days, 7), day);
  }
  return std::nullopt;
}

// rate(N days) / rate(N hours) / cron(...), as Secrets Manager reads them.
std::optional<double> ScheduleInterval(std::string_view s) {
  auto inside = [&](std::string_view prefix) -> std::optional<std::string_view> {
    if (s.size() < prefix.size() + 1 || !IEquals(s.substr(0, prefix.size()), prefix) ||
        s.back() != ')')
      return std::nullopt;
    return s.substr(prefix.size(), s.size() - prefix.size() - 1);
  };
  if (std::optional<std::string_view> body = inside("rate(")) {
    std::vector<std::string> parts;
    for (const std::string& p : Split(*body, ' ')) {
      if (!p.empty()) parts.push_back(p);
    }
    if (parts.size() != 2) return std::nullopt;
    std::optional<int> n = Int(parts[0]);
    if (!n) return std::nullopt;
    const std::string unit = Lower(parts[1]);
    if (unit == "day" || unit == "days") return *n;
    if (unit == "hour" || unit == "hours") return *n / 24.0;
    return std::nullopt;
  }
  if (std::optional<std::string_view> body = inside("cron(")) return CronInterval(*body);
  return std::nullopt;
}

std::string DaysText(double days) {
  if (days < 1) return "several times a day";
  const long n = static_cast<long>(days);
  return n == 1 ? "every day" : "every " + std::to_string(n) + " days";
}

class IacRefreshRotationTooFrequentCheck : public Check {
 public:
  IacRefreshRotationTooFrequentCheck() : Check("iac-refresh-rotation-too-frequent") {}

  void CheckProject(CheckContext& ctx) override {
    Reporter out(ctx);
    const Graph& g = ctx.project().graph;
    bool has_postgres = false;
    for (const Database& d : g.databases) has_postgres = has_postgres || IsPostgres(d);
    for (const iac::Secret& s : g.secrets) {
      if (!s.rotation) continue;
      const iac::Rotation& r = *s.rotation;
      // Which strategy: the hosted rotation's type, or the rotation
      // application's name (SecretsManagerRDSPostgreSQLRotationMultiUser).
      std::string strategy = Literal(r.rotation_type).value_or("");
      if (strategy.empty()) strategy = Literal(r.rotation_lambda).value_or("");
      const std::string lower = Lower(strategy);
      if (lower.find("multiuser") != std::string::npos) continue;
      const bool single = lower.find("singleuser") != std::string::npos;
      if (!s.is_db_credential && !has_postgres && lower.find("postgres") == std::string::npos)
        continue;

      std::optional<double> days;
      Origin where;
      const Value* written = nullptr;
      if (std::optional<long> n = Number(r.automatically_after_days)) {
        days = static_cast<double>(*n);
        written = &r.automatically_after_days;
      } else if (std::optional<std::string> e = Literal(r.schedule_expression)) {
        days = ScheduleInterval(*e);
        written = &r.schedule_expression;
      }
      if (!days) continue;
      where = WhereWritten(*written);
      // MinRotationDays as configured where the finding would land.
      const int min_days = ctx.IntOptionAt(where.file, "MinRotationDays", 7);
      if (*days >= min_days) continue;
      out.Report(where,
                 "the secret " + NodeName(s) + " is rotated " + DaysText(*days) +
                     (single ? " with the single-user strategy"
                             : " (with the single-user strategy unless its rotation function "
                               "alternates users)") +
                     Through(*written) +
                     ": single-user rotation keeps open connections, but every new connection a "
                     "warm function makes with the password it cached before the rotation fails "
                     "with 'password authentication failed', and this schedule opens that window "
                     "again and again; rotate every " +
                     std::to_string(min_days) +
                     " days or more (30 to 60 is common), switch to the alternating-users "
                     "strategy (PostgreSQLMultiUser), or connect with IAM authentication");
    }
  }
};

}  // namespace
}  // namespace iacrules

std::unique_ptr<Check> CreateIacRefreshRotationTooFrequentCheck() {
  return std::make_unique<iacrules::IacRefreshRotationTooFrequentCheck>();
}

}  // namespace rdslint
