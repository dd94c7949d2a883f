// Tests of the shared connection-string analyser (frontend/url).
//
// The core is one table of real-world shapes; every row is also run through
// property checks that hold for any input (ranges cover their raw text,
// messages never quote the password, a parameter inserted at
// param_insert_offset is found again and changes nothing else).
#include "frontend/url/connection_string.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rdslint::url {
namespace {

// Short names for the table.
constexpr Syntax U = Syntax::kUrl;
constexpr Syntax C = Syntax::kConninfo;
constexpr SchemeKind PG = SchemeKind::kPostgres;
constexpr SchemeKind ODB = SchemeKind::kOtherDb;
constexpr SchemeKind UNK = SchemeKind::kUnknown;
constexpr PasswordKind ABS = PasswordKind::kAbsent;
constexpr PasswordKind LIT = PasswordKind::kLiteral;
constexpr PasswordKind PH = PasswordKind::kPlaceholder;
constexpr PasswordKind INT = PasswordKind::kInterpolated;
constexpr HostKind H_UNK = HostKind::kUnknown;
constexpr HostKind INST = HostKind::kRdsInstance;
constexpr HostKind CLU = HostKind::kAuroraCluster;
constexpr HostKind RO = HostKind::kAuroraReader;
constexpr HostKind CUS = HostKind::kAuroraCustom;
constexpr HostKind PRX = HostKind::kRdsProxy;
constexpr HostKind LOOP = HostKind::kLoopback;
constexpr HostKind COMP = HostKind::kComposeService;
constexpr HostKind OTH = HostKind::kOther;
constexpr ProblemKind NOHOST = ProblemKind::kNoHost;
constexpr ProblemKind BADPORT = ProblemKind::kBadPort;
constexpr ProblemKind BADESC = ProblemKind::kBadEscape;
constexpr ProblemKind UNKSCHEME = ProblemKind::kUnknownScheme;
constexpr ProblemKind UNTERM = ProblemKind::kUnterminatedQuote;
constexpr ProblemKind MISSEQ = ProblemKind::kMissingEquals;
constexpr ProblemKind EMPTYKEY = ProblemKind::kEmptyParamKey;

struct Case {
  std::string_view input;
  Syntax syntax;
  SchemeKind scheme;
  const char* user;      // decoded value; nullptr: absent
  PasswordKind pw_kind;
  const char* password;  // decoded value; nullptr: absent
  const char* host;      // decoded value; nullptr: absent
  HostKind host_kind;
  const char* port;      // nullptr: absent
  const char* db;        // nullptr: absent
  std::vector<std::pair<const char*, const char*>> params;  // FindParam(key)->value
  std::vector<ProblemKind> problems;                        // in order
  std::vector<std::pair<char, uint32_t>> unencoded;         // (char, offset in input)
};

const char* const N = nullptr;

// clang-format off
const std::vector<Case>& Table() {
  static const std::vector<Case> kCases = {
    // ---- schemes ----------------------------------------------------------------------------------------------
    {"postgres://app:s3cr3t@db.example.com:5432/app", U, PG, "app", LIT, "s3cr3t", "db.example.com", OTH, "5432", "app", {}, {}, {}},
    {"postgresql://app:s3cr3t@db.example.com/app", U, PG, "app", LIT, "s3cr3t", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgresql+psycopg2://scott:tiger@10.0.0.5:5432/orders", U, PG, "scott", LIT, "tiger", "10.0.0.5", OTH, "5432", "orders", {}, {}, {}},
    {"postgresql+asyncpg://app:pw1234@pg.internal:6432/app", U, PG, "app", LIT, "pw1234", "pg.internal", OTH, "6432", "app", {}, {}, {}},
    {"postgres+pg8000://app:pw1234@localhost/app", U, PG, "app", LIT, "pw1234", "localhost", LOOP, N, "app", {}, {}, {}},
    {"postgresql+psycopg://app:pw1234@db/app", U, PG, "app", LIT, "pw1234", "db", COMP, N, "app", {}, {}, {}},
    {"POSTGRES://APP:Pw1234@LOCALHOST:5432/APP", U, PG, "APP", LIT, "Pw1234", "LOCALHOST", LOOP, "5432", "APP", {}, {}, {}},
    {"pgsql://app:pw1234@db/app", U, PG, "app", LIT, "pw1234", "db", COMP, N, "app", {}, {}, {}},
    {"postgis://app:pw1234@gis.example.com/app", U, PG, "app", LIT, "pw1234", "gis.example.com", OTH, N, "app", {}, {}, {}},
    {"jdbc:postgresql://db.example.com:5432/app?user=app&password=s3cr3t&ssl=true", U, PG, "app", LIT, "s3cr3t", "db.example.com", OTH, "5432", "app", {{"ssl", "true"}, {"user", "app"}}, {}, {}},
    {"mysql://root:rootpw@mysql:3306/shop", U, ODB, "root", LIT, "rootpw", "mysql", COMP, "3306", "shop", {}, {}, {}},
    {"mysql+pymysql://root:rootpw@127.0.0.1/shop", U, ODB, "root", LIT, "rootpw", "127.0.0.1", LOOP, N, "shop", {}, {}, {}},
    {"redis://:redispw@cache.example.com:6379/0", U, ODB, "", LIT, "redispw", "cache.example.com", OTH, "6379", "0", {}, {}, {}},
    {"rediss://default:tok123@redis.internal:6380", U, ODB, "default", LIT, "tok123", "redis.internal", OTH, "6380", N, {}, {}, {}},
    {"mongodb+srv://u:p4ss@cluster0.abcd.mongodb.net/app", U, ODB, "u", LIT, "p4ss", "cluster0.abcd.mongodb.net", OTH, N, "app", {}, {}, {}},
    {"cockroachdb://root@localhost:26257/defaultdb", U, ODB, "root", ABS, N, "localhost", LOOP, "26257", "defaultdb", {}, {}, {}},
    {"prisma://accelerate.prisma-data.net/?api_key=eyJhbGciOi", U, ODB, N, ABS, N, "accelerate.prisma-data.net", OTH, N, "", {{"api_key", "eyJhbGciOi"}}, {}, {}},
    {"prisma+postgres://accelerate.prisma-data.net/?api_key=eyJhbGciOi", U, ODB, N, ABS, N, "accelerate.prisma-data.net", OTH, N, "", {{"api_key", "eyJhbGciOi"}}, {}, {}},
    {"postgress://app:pw1234@db:5432/app", U, UNK, "app", LIT, "pw1234", "db", COMP, "5432", "app", {}, {UNKSCHEME}, {}},
    {"postgresq://app@db/app", U, UNK, "app", ABS, N, "db", COMP, N, "app", {}, {UNKSCHEME}, {}},
    {"postgre://app@db.example.com/app", U, UNK, "app", ABS, N, "db.example.com", OTH, N, "app", {}, {UNKSCHEME}, {}},
    {"psql://app@db.example.com/app", U, UNK, "app", ABS, N, "db.example.com", OTH, N, "app", {}, {UNKSCHEME}, {}},

    // ---- userinfo ---------------------------------------------------------------------------------------------
    {"postgres://app@db.example.com/app", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:@db.example.com/app", U, PG, "app", ABS, "", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://db.example.com/app", U, PG, N, ABS, N, "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://@db.example.com/app", U, PG, "", ABS, N, "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:p%40ss@db.example.com/app", U, PG, "app", LIT, "p@ss", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:p%40%24%24w0rd@db.example.com/app", U, PG, "app", LIT, "p@$$w0rd", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:p%41ssw0rd@db.example.com/app", U, PG, "app", LIT, "pAssw0rd", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://%61pp:pw1234@db/app", U, PG, "app", LIT, "pw1234", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://us%zzer:pw1234@db/app", U, PG, "us%zzer", LIT, "pw1234", "db", COMP, N, "app", {}, {BADESC}, {}},
    {"postgres://us@er:pw1234@db/app", U, PG, "us@er", LIT, "pw1234", "db", COMP, N, "app", {}, {}, {}},
    // unencoded reserved characters in the password
    {"postgresql://app:p@ss@db.example.com/app", U, PG, "app", LIT, "p@ss", "db.example.com", OTH, N, "app", {}, {}, {{'@', 18}}},
    {"postgres://app:p@ss@w0rd@db.example.com:5432/app", U, PG, "app", LIT, "p@ss@w0rd", "db.example.com", OTH, "5432", "app", {}, {}, {{'@', 16}, {'@', 19}}},
    {"postgres://app:pa:ss@db/app", U, PG, "app", LIT, "pa:ss", "db", COMP, N, "app", {}, {}, {{':', 17}}},
    {"postgres://u:pa/ss@host.example.com/db", U, PG, "u", LIT, "pa/ss", "host.example.com", OTH, N, "db", {}, {}, {{'/', 15}}},
    {"postgres://u:pa#ss@host.example.com/db", U, PG, "u", LIT, "pa#ss", "host.example.com", OTH, N, "db", {}, {}, {{'#', 15}}},
    {"postgres://u:pa?ss@host.example.com/db", U, PG, "u", LIT, "pa?ss", "host.example.com", OTH, N, "db", {}, {}, {{'?', 15}}},
    {"postgres://u:pa[1]ss@host.example.com/db", U, PG, "u", LIT, "pa[1]ss", "host.example.com", OTH, N, "db", {}, {}, {{'[', 15}, {']', 17}}},
    {"postgres://u:pa ss@host.example.com/db", U, PG, "u", LIT, "pa ss", "host.example.com", OTH, N, "db", {}, {}, {{' ', 15}}},
    {"postgres://u:correct horse battery@db.example.com/db", U, PG, "u", LIT, "correct horse battery", "db.example.com", OTH, N, "db", {}, {}, {{' ', 20}, {' ', 26}}},
    {"postgres://u:100%pure@host.example.com/db", U, PG, "u", LIT, "100%pure", "host.example.com", OTH, N, "db", {}, {}, {{'%', 16}}},
    {"postgres://u:50%@host.example.com/db", U, PG, "u", LIT, "50%", "host.example.com", OTH, N, "db", {}, {}, {{'%', 15}}},
    {"postgres://u:p%4@host.example.com/db", U, PG, "u", LIT, "p%4", "host.example.com", OTH, N, "db", {}, {}, {{'%', 14}}},
    {"postgres://u:a/b?c#d@host.example.com:5432/db", U, PG, "u", LIT, "a/b?c#d", "host.example.com", OTH, "5432", "db", {}, {}, {{'/', 14}, {'?', 16}, {'#', 18}}},
    {"postgres://app:p@ss:w/rd@db.example.com/app", U, PG, "app", LIT, "p@ss:w/rd", "db.example.com", OTH, N, "app", {}, {}, {{'@', 16}, {':', 19}, {'/', 21}}},
    {"postgres://app:p@$$w0rd@db.example.com/app", U, PG, "app", LIT, "p@$$w0rd", "db.example.com", OTH, N, "app", {}, {}, {{'@', 16}}},
    // '@' after the path that is not a password: a query value, or a path after a port
    {"postgres://app:s3cr3t@db.example.com/app?application_name=a@b", U, PG, "app", LIT, "s3cr3t", "db.example.com", OTH, N, "app", {{"application_name", "a@b"}}, {}, {}},
    {"postgres://db.example.com:5432/app?user=a@b", U, PG, "a@b", ABS, N, "db.example.com", OTH, "5432", "app", {{"user", "a@b"}}, {}, {}},
    {"postgres://db.example.com:5432/ap@p", U, PG, N, ABS, N, "db.example.com", OTH, "5432", "ap@p", {}, {}, {}},

    // ---- holes ------------------------------------------------------------------------------------------------
    {"postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:${DB_PORT}/${DB_NAME}", U, PG, "${DB_USER}", INT, "${DB_PASSWORD}", "${DB_HOST}", H_UNK, "${DB_PORT}", "${DB_NAME}", {}, {}, {}},
    {"postgresql://app:${var.db_password}@${aws_db_instance.main.address}:5432/app", U, PG, "app", INT, "${var.db_password}", "${aws_db_instance.main.address}", H_UNK, "5432", "app", {}, {}, {}},
    {"postgresql://${DBUser}:${DBPassword}@${DBCluster.Endpoint.Address}:${DBCluster.Endpoint.Port}/app", U, PG, "${DBUser}", INT, "${DBPassword}", "${DBCluster.Endpoint.Address}", H_UNK, "${DBCluster.Endpoint.Port}", "app", {}, {}, {}},
    {"postgresql://app:{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:SecretString:password}}@mydb.c9akciq32.us-east-1.rds.amazonaws.com:5432/app", U, PG, "app", INT, "{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:SecretString:password}}", "mydb.c9akciq32.us-east-1.rds.amazonaws.com", INST, "5432", "app", {}, {}, {}},
    {"postgres://{{resolve:ssm:/app/db/user}}:{{resolve:secretsmanager:db/app:SecretString:password}}@{{resolve:ssm:/app/db/host}}/app", U, PG, "{{resolve:ssm:/app/db/user}}", INT, "{{resolve:secretsmanager:db/app:SecretString:password}}", "{{resolve:ssm:/app/db/host}}", H_UNK, N, "app", {}, {}, {}},
    {"postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE", U, PG, "$PGUSER", INT, "$PGPASSWORD", "$PGHOST", H_UNK, "$PGPORT", "$PGDATABASE", {}, {}, {}},
    {"postgres://%DB_USER%:%DB_PASSWORD%@%DB_HOST%/%DB_NAME%", U, PG, "%DB_USER%", INT, "%DB_PASSWORD%", "%DB_HOST%", H_UNK, N, "%DB_NAME%", {}, {}, {}},
    {"postgres://app:pa${SUFFIX}@db.example.com/app", U, PG, "app", INT, "pa${SUFFIX}", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:${PW}@x@db.example.com/app", U, PG, "app", INT, "${PW}@x", "db.example.com", OTH, N, "app", {}, {}, {{'@', 20}}},
    {"postgres://app:${{ secrets.DB_PASSWORD }}@db.example.com/app", U, PG, "app", INT, "${{ secrets.DB_PASSWORD }}", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:{{ .Values.db.password }}@{{ .Values.db.host }}:5432/app", U, PG, "app", INT, "{{ .Values.db.password }}", "{{ .Values.db.host }}", H_UNK, "5432", "app", {}, {}, {}},
    {"postgres://%s:%s@%s:%d/%s?sslmode=require", U, PG, "%s", INT, "%s", "%s", H_UNK, "%d", "%s", {{"sslmode", "require"}}, {}, {}},
    {"postgresql://{user}:{password}@{host}:{port}/{db}", U, PG, "{user}", INT, "{password}", "{host}", H_UNK, "{port}", "{db}", {}, {}, {}},
    {"postgres://app:%(password)s@db.example.com/app", U, PG, "app", INT, "%(password)s", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:#{password}@db.example.com/app", U, PG, "app", INT, "#{password}", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgresql://app:$(cat /run/secrets/db_password)@db.example.com/app", U, PG, "app", INT, "$(cat /run/secrets/db_password)", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:pw${X}@db.${DOMAIN}/app", U, PG, "app", INT, "pw${X}", "db.${DOMAIN}", H_UNK, N, "app", {}, {}, {}},
    {"postgres://app:s3cr3t@${DB_HOST}/app", U, PG, "app", LIT, "s3cr3t", "${DB_HOST}", H_UNK, N, "app", {}, {}, {}},
    {"postgres://app:s3cr3t@db.example.com:${PORT}/app", U, PG, "app", LIT, "s3cr3t", "db.example.com", OTH, "${PORT}", "app", {}, {}, {}},
    {"postgres://app:${file(../secrets.yml):db.password}@db.example.com/app", U, PG, "app", INT, "${file(../secrets.yml):db.password}", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:${ssm:/aws/reference/secretsmanager/prod/db~true}@db.example.com/app", U, PG, "app", INT, "${ssm:/aws/reference/secretsmanager/prod/db~true}", "db.example.com", OTH, N, "app", {}, {}, {}},

    // ---- placeholders -----------------------------------------------------------------------------------------
    {"postgres://app:<password>@db.example.com/app", U, PG, "app", PH, "<password>", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:<PASSWORD>@db.example.com/app", U, PG, "app", PH, "<PASSWORD>", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:changeme@localhost/app", U, PG, "app", PH, "changeme", "localhost", LOOP, N, "app", {}, {}, {}},
    {"postgres://app:password@localhost/app", U, PG, "app", PH, "password", "localhost", LOOP, N, "app", {}, {}, {}},
    {"postgres://app:REPLACED_BY_SECRET@db.example.com/app", U, PG, "app", PH, "REPLACED_BY_SECRET", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:AWS_IAM_TOKEN@app-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com/app", U, PG, "app", PH, "AWS_IAM_TOKEN", "app-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com", PRX, N, "app", {}, {}, {}},
    {"postgres://app:xxx@db/app", U, PG, "app", PH, "xxx", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://app:XXXX@db/app", U, PG, "app", PH, "XXXX", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://app:***@db/app", U, PG, "app", PH, "***", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://app:your-password@db/app", U, PG, "app", PH, "your-password", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://app:your_password_here@db/app", U, PG, "app", PH, "your_password_here", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://app:secret@db/app", U, PG, "app", PH, "secret", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://app:[password]@db/app", U, PG, "app", PH, "[password]", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://app:%3Cpassword%3E@db/app", U, PG, "app", PH, "<password>", "db", COMP, N, "app", {}, {}, {}},
    {"postgres://postgres:postgres@postgres:5432/postgres", U, PG, "postgres", LIT, "postgres", "postgres", COMP, "5432", "postgres", {}, {}, {}},

    // ---- hosts ------------------------------------------------------------------------------------------------
    {"postgres://app:pw1234@mydb.c9akciq32.us-east-1.rds.amazonaws.com:5432/app", U, PG, "app", LIT, "pw1234", "mydb.c9akciq32.us-east-1.rds.amazonaws.com", INST, "5432", "app", {}, {}, {}},
    {"postgres://app:pw1234@app.cluster-c9akciq32.eu-west-1.rds.amazonaws.com/app", U, PG, "app", LIT, "pw1234", "app.cluster-c9akciq32.eu-west-1.rds.amazonaws.com", CLU, N, "app", {}, {}, {}},
    {"postgres://app:pw1234@app.cluster-ro-c9akciq32.eu-west-1.rds.amazonaws.com/app", U, PG, "app", LIT, "pw1234", "app.cluster-ro-c9akciq32.eu-west-1.rds.amazonaws.com", RO, N, "app", {}, {}, {}},
    {"postgres://app:pw1234@analytics.cluster-custom-c9akciq32.eu-west-1.rds.amazonaws.com/app", U, PG, "app", LIT, "pw1234", "analytics.cluster-custom-c9akciq32.eu-west-1.rds.amazonaws.com", CUS, N, "app", {}, {}, {}},
    {"postgres://app:pw1234@app-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com/app", U, PG, "app", LIT, "pw1234", "app-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com", PRX, N, "app", {}, {}, {}},
    {"postgres://app:pw1234@ro.endpoint.proxy-c9akciq32.us-east-1.rds.amazonaws.com/app", U, PG, "app", LIT, "pw1234", "ro.endpoint.proxy-c9akciq32.us-east-1.rds.amazonaws.com", PRX, N, "app", {}, {}, {}},
    {"postgres://app@mydb.c9akciq32.cn-north-1.rds.amazonaws.com.cn/app", U, PG, "app", ABS, N, "mydb.c9akciq32.cn-north-1.rds.amazonaws.com.cn", INST, N, "app", {}, {}, {}},
    {"postgres://app@app.cluster-c9akciq32.cn-northwest-1.rds.amazonaws.com.cn:5432/app", U, PG, "app", ABS, N, "app.cluster-c9akciq32.cn-northwest-1.rds.amazonaws.com.cn", CLU, "5432", "app", {}, {}, {}},
    {"postgres://app@MyDB.C9AKCIQ32.US-EAST-1.RDS.AMAZONAWS.COM/app", U, PG, "app", ABS, N, "MyDB.C9AKCIQ32.US-EAST-1.RDS.AMAZONAWS.COM", INST, N, "app", {}, {}, {}},
    {"postgres://app@APP.CLUSTER-RO-C9AKCIQ32.US-EAST-1.RDS.AMAZONAWS.COM/app", U, PG, "app", ABS, N, "APP.CLUSTER-RO-C9AKCIQ32.US-EAST-1.RDS.AMAZONAWS.COM", RO, N, "app", {}, {}, {}},
    {"postgres://app@mydb.c9akciq32.us-east-1.rds.amazonaws.com./app", U, PG, "app", ABS, N, "mydb.c9akciq32.us-east-1.rds.amazonaws.com.", INST, N, "app", {}, {}, {}},
    {"postgres://app@app.cluster-c9akciq32.us-gov-west-1.rds.amazonaws.com/app", U, PG, "app", ABS, N, "app.cluster-c9akciq32.us-gov-west-1.rds.amazonaws.com", CLU, N, "app", {}, {}, {}},
    {"postgres://app@us-east-1.rds.amazonaws.com/app", U, PG, "app", ABS, N, "us-east-1.rds.amazonaws.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app@mydb.c9akciq32.us-east-1.rds.amazonaws.com.evil.example/app", U, PG, "app", ABS, N, "mydb.c9akciq32.us-east-1.rds.amazonaws.com.evil.example", OTH, N, "app", {}, {}, {}},
    {"postgres://app@127.0.0.1:5432/app", U, PG, "app", ABS, N, "127.0.0.1", LOOP, "5432", "app", {}, {}, {}},
    {"postgres://app@127.1.2.3/app", U, PG, "app", ABS, N, "127.1.2.3", LOOP, N, "app", {}, {}, {}},
    {"postgres://app@[::1]:5432/app", U, PG, "app", ABS, N, "::1", LOOP, "5432", "app", {}, {}, {}},
    {"postgres://app@[2001:db8::5]:5432/app", U, PG, "app", ABS, N, "2001:db8::5", OTH, "5432", "app", {}, {}, {}},
    {"postgres://app@::1/app", U, PG, "app", ABS, N, "::1", LOOP, N, "app", {}, {}, {}},
    {"postgres://app@[::1/app", U, PG, "app", ABS, N, "[::1", H_UNK, N, "app", {}, {NOHOST}, {}},
    {"postgres:///app", U, PG, N, ABS, N, N, LOOP, N, "app", {}, {}, {}},
    {"postgres://app:pw1234@/app", U, PG, "app", LIT, "pw1234", N, LOOP, N, "app", {}, {}, {}},
    {"postgresql://", U, PG, N, ABS, N, N, LOOP, N, N, {}, {}, {}},
    {"postgres:///app?host=/var/run/postgresql", U, PG, N, ABS, N, "/var/run/postgresql", LOOP, N, "app", {{"host", "/var/run/postgresql"}}, {}, {}},
    {"postgres://app@%2Fvar%2Frun%2Fpostgresql/app", U, PG, "app", ABS, N, "/var/run/postgresql", LOOP, N, "app", {}, {}, {}},
    {"postgres://app:pw1234@db:5432/app", U, PG, "app", LIT, "pw1234", "db", COMP, "5432", "app", {}, {}, {}},
    {"postgres://app:pw1234@10.0.1.25:5432/app", U, PG, "app", LIT, "pw1234", "10.0.1.25", OTH, "5432", "app", {}, {}, {}},
    {"postgres://app:pw1234@db.internal.example.com/app", U, PG, "app", LIT, "pw1234", "db.internal.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app:pw1234@:5432/app", U, PG, "app", LIT, "pw1234", N, H_UNK, "5432", "app", {}, {NOHOST}, {}},
    {"postgres://:5432/app", U, PG, N, ABS, N, N, H_UNK, "5432", "app", {}, {NOHOST}, {}},
    {"postgresql://app@host1.example.com:5432,host2.example.com:5433/app?target_session_attrs=read-write", U, PG, "app", ABS, N, "host1.example.com", OTH, "5432", "app", {{"target_session_attrs", "read-write"}}, {}, {}},
    {"postgresql://app@host1,host2:5433/app", U, PG, "app", ABS, N, "host1", COMP, N, "app", {}, {}, {}},
    {"postgres://app:pw1234@host.docker.internal:5432/app", U, PG, "app", LIT, "pw1234", "host.docker.internal", LOOP, "5432", "app", {}, {}, {}},
    {"postgres://app:pw1234@0.0.0.0:5432/app", U, PG, "app", LIT, "pw1234", "0.0.0.0", LOOP, "5432", "app", {}, {}, {}},

    // ---- ports ------------------------------------------------------------------------------------------------
    {"postgres://app@db.example.com:abc/app", U, PG, "app", ABS, N, "db.example.com", OTH, "abc", "app", {}, {BADPORT}, {}},
    {"postgres://app@db.example.com:70000/app", U, PG, "app", ABS, N, "db.example.com", OTH, "70000", "app", {}, {BADPORT}, {}},
    {"postgres://app@db.example.com:65535/app", U, PG, "app", ABS, N, "db.example.com", OTH, "65535", "app", {}, {}, {}},
    {"postgres://app@db.example.com:/app", U, PG, "app", ABS, N, "db.example.com", OTH, "", "app", {}, {}, {}},
    {"postgres://admin:s3cr3t", U, PG, N, ABS, N, "admin", COMP, "s3cr3t", N, {}, {BADPORT}, {}},

    // ---- database, query, fragment ----------------------------------------------------------------------------
    {"postgres://app@db.example.com/my%20db", U, PG, "app", ABS, N, "db.example.com", OTH, N, "my db", {}, {}, {}},
    {"postgres://app@db.example.com/my%zzdb", U, PG, "app", ABS, N, "db.example.com", OTH, N, "my%zzdb", {}, {BADESC}, {}},
    {"postgres://app:pw1234@db.example.com:5432/app?sslmode=require&connection_limit=1&schema=public", U, PG, "app", LIT, "pw1234", "db.example.com", OTH, "5432", "app", {{"sslmode", "require"}, {"connection_limit", "1"}, {"schema", "public"}}, {}, {}},
    {"postgres://app@db.example.com/app?sslmode=disable&sslmode=require", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"sslmode", "require"}}, {}, {}},
    {"postgres://app@db.example.com/app?pgbouncer", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"pgbouncer", ""}}, {}, {}},
    {"postgres://app@db.example.com/app?pgbouncer=true&connection_limit=1", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"pgbouncer", "true"}, {"connection_limit", "1"}}, {}, {}},
    {"postgres://app@db.example.com/app#frag", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app@db.example.com/app?sslmode=require#frag", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"sslmode", "require"}}, {}, {}},
    {"postgres://app@db.example.com/app?", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {}, {}, {}},
    {"postgres://app@db.example.com/app?sslmode=require&", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"sslmode", "require"}}, {}, {}},
    {"postgres://app@db.example.com/app?=x", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {}, {EMPTYKEY}, {}},
    {"postgres://app@db.example.com/app?options=-c%20search_path%3Dapp", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"options", "-c search_path=app"}}, {}, {}},
    {"postgres://app@db.example.com/app?sslmode=verify-full&sslrootcert=%2Fopt%2Frds-ca.pem", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"sslmode", "verify-full"}, {"sslrootcert", "/opt/rds-ca.pem"}}, {}, {}},
    {"postgres://app@db.example.com/app?application_name=%G1", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"application_name", "%G1"}}, {BADESC}, {}},
    {"postgres://app@db.example.com/app?host=db2.example.com", U, PG, "app", ABS, N, "db2.example.com", OTH, N, "app", {{"host", "db2.example.com"}}, {}, {}},
    {"postgres://db.example.com/app?user=app&password=s3cr3t", U, PG, "app", LIT, "s3cr3t", "db.example.com", OTH, N, "app", {{"user", "app"}}, {}, {}},
    {"postgres://app@db.example.com", U, PG, "app", ABS, N, "db.example.com", OTH, N, N, {}, {}, {}},
    {"postgres://app@db.example.com/", U, PG, "app", ABS, N, "db.example.com", OTH, N, "", {}, {}, {}},
    {"postgres://app@db.example.com?sslmode=require", U, PG, "app", ABS, N, "db.example.com", OTH, N, N, {{"sslmode", "require"}}, {}, {}},
    {"postgres://app@db.example.com/app?application_name=${APP}", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {{"application_name", "${APP}"}}, {}, {}},

    // ---- libpq conninfo ---------------------------------------------------------------------------------------
    {"host=db.example.com port=5432 dbname=app user=app password=s3cr3t sslmode=require", C, PG, "app", LIT, "s3cr3t", "db.example.com", OTH, "5432", "app", {{"sslmode", "require"}, {"host", "db.example.com"}}, {}, {}},
    {"host=localhost dbname=app", C, PG, N, ABS, N, "localhost", LOOP, N, "app", {}, {}, {}},
    {"dbname = postgres", C, PG, N, ABS, N, N, H_UNK, N, "postgres", {{"dbname", "postgres"}}, {}, {}},
    {"host = db.example.com  user = app  password = 's3 cr\\'et'", C, PG, "app", LIT, "s3 cr'et", "db.example.com", OTH, N, N, {}, {}, {}},
    {"host=db.example.com password='a\\\\b'", C, PG, N, LIT, "a\\b", "db.example.com", OTH, N, N, {}, {}, {}},
    {"host=db.example.com password=a\\ b", C, PG, N, LIT, "a b", "db.example.com", OTH, N, N, {}, {}, {}},
    {"host=/var/run/postgresql dbname=app", C, PG, N, ABS, N, "/var/run/postgresql", LOOP, N, "app", {}, {}, {}},
    {"host=mydb.c9akciq32.us-east-1.rds.amazonaws.com dbname=app user=app password=${DB_PASSWORD}", C, PG, "app", INT, "${DB_PASSWORD}", "mydb.c9akciq32.us-east-1.rds.amazonaws.com", INST, N, "app", {}, {}, {}},
    {"host=db.example.com password='unterminated", C, PG, N, LIT, "unterminated", "db.example.com", OTH, N, N, {}, {UNTERM}, {}},
    {"host=db.example.com dbname", C, PG, N, ABS, N, "db.example.com", OTH, N, N, {}, {MISSEQ}, {}},
    {"host=db.example.com port=abc", C, PG, N, ABS, N, "db.example.com", OTH, "abc", N, {}, {BADPORT}, {}},
    {"hostaddr=10.0.0.5 port=5432 dbname=app", C, PG, N, ABS, N, "10.0.0.5", OTH, "5432", "app", {{"hostaddr", "10.0.0.5"}}, {}, {}},
    {"host=h1.example.com,h2.example.com port=5432,5433 dbname=app", C, PG, N, ABS, N, "h1.example.com", OTH, "5432", "app", {{"port", "5432,5433"}}, {}, {}},
    {"user=app password=changeme host=db", C, PG, "app", PH, "changeme", "db", COMP, N, N, {}, {}, {}},
    {"host=db.example.com password={{resolve:secretsmanager:MySecret:SecretString:password}}", C, PG, N, INT, "{{resolve:secretsmanager:MySecret:SecretString:password}}", "db.example.com", OTH, N, N, {}, {}, {}},
    {"host='db.example.com' dbname='my app'", C, PG, N, ABS, N, "db.example.com", OTH, N, "my app", {{"dbname", "my app"}}, {}, {}},
    {"host=::1 dbname=app", C, PG, N, ABS, N, "::1", LOOP, N, "app", {}, {}, {}},
    {"host=%s port=%d dbname=%s user=%s password=%s sslmode=disable", C, PG, "%s", INT, "%s", "%s", H_UNK, "%d", "%s", {{"sslmode", "disable"}}, {}, {}},
    {"host='' dbname=app", C, PG, N, ABS, N, "", H_UNK, N, "app", {}, {}, {}},
    {"dbname=app user=app", C, PG, "app", ABS, N, N, H_UNK, N, "app", {}, {}, {}},
    {"host=db.example.com password=hun ter22", C, PG, N, LIT, "hun", "db.example.com", OTH, N, N, {}, {MISSEQ}, {}},
    {"host=db.example.com =oops", C, PG, N, ABS, N, "db.example.com", OTH, N, N, {}, {EMPTYKEY}, {}},
    {"  host=db.example.com sslmode=verify-full sslrootcert=/opt/rds-ca.pem  ", C, PG, N, ABS, N, "db.example.com", OTH, N, N, {{"sslmode", "verify-full"}, {"sslrootcert", "/opt/rds-ca.pem"}}, {}, {}},
    {"host=app-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com user=app password=${TOKEN} sslmode=require", C, PG, "app", INT, "${TOKEN}", "app-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com", PRX, N, N, {{"sslmode", "require"}}, {}, {}},

    // ---- inside other text ------------------------------------------------------------------------------------
    {"DATABASE_URL is postgres://u:pw1234@db.example.com/app ok", U, PG, "u", LIT, "pw1234", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"export DATABASE_URL=\"postgres://app:pw1234@db.example.com/app\"", U, PG, "app", LIT, "pw1234", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"url: 'postgresql://app:pw1234@db:5432/app'", U, PG, "app", LIT, "pw1234", "db", COMP, "5432", "app", {}, {}, {}},
    {"${DATABASE_URL:-postgres://app:pw1234@db:5432/app}", U, PG, "app", LIT, "pw1234", "db", COMP, "5432", "app", {}, {}, {}},
    {"{\"url\":\"postgres://app:pw1234@db.example.com/app\",\"x\":1}", U, PG, "app", LIT, "pw1234", "db.example.com", OTH, N, "app", {}, {}, {}},
    {"see https://docs.example.com/x then postgres://app@db/app", U, PG, "app", ABS, N, "db", COMP, N, "app", {}, {}, {}},
    {"<url>postgres://app@db.example.com/app</url>", U, PG, "app", ABS, N, "db.example.com", OTH, N, "app", {}, {}, {}},
    {"const url = `postgres://${user}:${pass}@${host}/app`;", U, PG, "${user}", INT, "${pass}", "${host}", H_UNK, N, "app", {}, {}, {}},
    {"conn = f\"postgresql://app:{password}@{host}:5432/app?sslmode=require\"", U, PG, "app", INT, "{password}", "{host}", H_UNK, "5432", "app", {{"sslmode", "require"}}, {}, {}},
    {"DATABASE_URL=postgres://app:pw1234@db/app\nOTHER=1", U, PG, "app", LIT, "pw1234", "db", COMP, N, "app", {}, {}, {}},
  };
  return kCases;
}
// clang-format on

std::string Describe(const Part& p) { return p.present ? "\"" + p.value + "\"" : "(absent)"; }

void ExpectPart(const Part& part, const char* expected, std::string_view input, const char* what) {
  if (expected == nullptr) {
    EXPECT_FALSE(part.present) << what << " should be absent, got " << Describe(part);
    return;
  }
  EXPECT_TRUE(part.present) << what << " should be present";
  EXPECT_EQ(part.value, expected) << what;
}

// Structural properties every analysed string has, whatever the input.
void CheckStructure(std::string_view input, const ConnectionString& cs) {
  for (const Part* p : {&cs.user, &cs.password, &cs.host, &cs.port, &cs.database}) {
    if (!p->present) continue;
    ASSERT_LE(p->range.end, input.size());
    EXPECT_EQ(input.substr(p->range.begin, p->range.size()), p->raw);
    EXPECT_TRUE(cs.range.begin <= p->range.begin && p->range.end <= cs.range.end);
  }
  for (const Param& p : cs.params) {
    EXPECT_LE(p.key_range.end, input.size());
    EXPECT_LE(p.value_range.end, input.size());
    EXPECT_NE(p.key, "password") << "the password must not be copied into params";
  }
  for (const Problem& p : cs.problems) {
    EXPECT_LE(p.range.begin, p.range.end);
    EXPECT_LE(p.range.end, input.size());
    EXPECT_FALSE(p.message.empty());
  }
  for (const UnencodedChar& u : cs.unencoded_password_chars) {
    EXPECT_TRUE(cs.password.range.Contains(u.offset));
    EXPECT_EQ(input[u.offset], u.ch);
  }
  EXPECT_LE(cs.param_insert_offset, input.size());
  EXPECT_LE(cs.range.begin, cs.range.end);
  EXPECT_LE(cs.range.end, input.size());
}

// Plus, for realistic inputs: no message quotes the password.
void CheckInvariants(std::string_view input, const ConnectionString& cs) {
  CheckStructure(input, cs);
  for (const Problem& p : cs.problems) {
    if (cs.password.present && cs.password.value.size() >= 3) {
      EXPECT_EQ(p.message.find(cs.password.value), std::string::npos)
          << "a problem message quotes the password: " << p.message;
      EXPECT_EQ(p.message.find(cs.password.raw), std::string::npos) << p.message;
    }
  }
}

// Inserting a parameter where the analyser says must give a string with
// that parameter and everything else unchanged.
void CheckParamInsertion(std::string_view input, const ConnectionString& cs) {
  std::string edited(input.substr(0, cs.param_insert_offset));
  edited += cs.param_separator;
  edited += "sslmode=verify-full";
  edited += input.substr(cs.param_insert_offset);
  const std::optional<ConnectionString> again = Analyze(edited);
  ASSERT_TRUE(again.has_value()) << edited;
  const Param* p = again->FindParam("sslmode");
  ASSERT_NE(p, nullptr) << edited;
  EXPECT_EQ(p->value, "verify-full") << edited;
  EXPECT_EQ(again->user.value, cs.user.value) << edited;
  EXPECT_EQ(again->password.value, cs.password.value) << edited;
  EXPECT_EQ(again->host.value, cs.host.value) << edited;
  EXPECT_EQ(again->port.value, cs.port.value) << edited;
  EXPECT_EQ(again->database.value, cs.database.value) << edited;
  EXPECT_EQ(again->problems.size(), cs.problems.size()) << edited;
}

class TableTest : public ::testing::TestWithParam<size_t> {};

TEST_P(TableTest, Row) {
  const Case& c = Table()[GetParam()];
  SCOPED_TRACE(std::string(c.input));
  const std::optional<ConnectionString> got = Analyze(c.input);
  ASSERT_TRUE(got.has_value());
  const ConnectionString& cs = *got;
  EXPECT_EQ(cs.syntax, c.syntax);
  EXPECT_EQ(cs.scheme_kind, c.scheme);
  ExpectPart(cs.user, c.user, c.input, "user");
  EXPECT_EQ(cs.password_kind, c.pw_kind);
  ExpectPart(cs.password, c.password, c.input, "password");
  ExpectPart(cs.host, c.host, c.input, "host");
  EXPECT_EQ(cs.host_kind, c.host_kind)
      << HostKindName(cs.host_kind) << " != " << HostKindName(c.host_kind);
  ExpectPart(cs.port, c.port, c.input, "port");
  ExpectPart(cs.database, c.db, c.input, "database");
  for (const auto& [key, value] : c.params) {
    const Param* p = cs.FindParam(key);
    ASSERT_NE(p, nullptr) << "param " << key;
    EXPECT_EQ(p->value, value) << "param " << key;
  }
  std::vector<ProblemKind> kinds;
  for (const Problem& p : cs.problems) kinds.push_back(p.kind);
  EXPECT_EQ(kinds, c.problems);
  std::vector<std::pair<char, uint32_t>> unencoded;
  for (const UnencodedChar& u : cs.unencoded_password_chars) unencoded.emplace_back(u.ch, u.offset);
  EXPECT_EQ(unencoded, c.unencoded);

  CheckInvariants(c.input, cs);
  // After an unterminated quote there is no place a parameter can go.
  if (std::find(c.problems.begin(), c.problems.end(), UNTERM) == c.problems.end()) {
    CheckParamInsertion(c.input, cs);
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, TableTest, ::testing::Range<size_t>(0, Table().size()));

TEST(ConnectionStringTable, HasEnoughRows) { EXPECT_GE(Table().size(), 120u); }

// ---- beyond the table -------------------------------------------------------------------------

TEST(ConnectionString, NotConnectionStrings) {
  for (std::string_view text :
       {"", "hello world", "postgres", "https://example.com/a?b=c", "see http://u:p@example.com/",
        "s3://bucket/key", "SELECT * FROM users WHERE user=1", "user=bob&password=x", "HOST=x",
        "foo=bar baz=qux", "a = b", "postgres:db", "://nothing", "postgres:/single/slash",
        "x=1 host"}) {
    EXPECT_FALSE(Analyze(text).has_value()) << text;
  }
}

TEST(ConnectionString, Ranges) {
  const std::string_view text = "DATABASE_URL=postgresql://app:p%40ss@db.example.com:5432/app?sslmode=require";
  const auto cs = Analyze(text);
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->scheme, "postgresql");
  EXPECT_EQ(cs->range.begin, 13u);
  EXPECT_EQ(cs->range.end, text.size());
  EXPECT_EQ(cs->user.range, (SourceRange{26, 29}));
  EXPECT_EQ(cs->password.range, (SourceRange{30, 36}));
  EXPECT_EQ(cs->password.raw, "p%40ss");
  EXPECT_EQ(cs->password.value, "p@ss");
  EXPECT_EQ(cs->host.range, (SourceRange{37, 51}));
  EXPECT_EQ(cs->port.range, (SourceRange{52, 56}));
  EXPECT_EQ(cs->database.range, (SourceRange{57, 60}));
  ASSERT_EQ(cs->params.size(), 1u);
  EXPECT_EQ(cs->params[0].key_range, (SourceRange{61, 68}));
  EXPECT_EQ(cs->params[0].value_range, (SourceRange{69, 76}));
  EXPECT_EQ(cs->param_insert_offset, text.size());
  EXPECT_EQ(cs->param_separator, "&");
}

TEST(ConnectionString, ParamInsertOffsets) {
  struct Row {
    std::string_view text;
    uint32_t offset;
    const char* separator;
  };
  const Row rows[] = {
      {"postgres://h/db", 15, "?"},
      {"postgres://h", 12, "?"},
      {"postgres://h/db?", 16, ""},
      {"postgres://h/db?a=1", 19, "&"},
      {"postgres://h/db?a=1&", 20, ""},
      {"postgres://h/db#frag", 15, "?"},
      {"postgres://h/db?a=1#frag", 19, "&"},
      {"postgres://h/db?#frag", 16, ""},
      {"url=\"postgres://h/db\" x", 20, "?"},
      {"host=h dbname=db", 16, " "},
      {"host=h password='x y'", 21, " "},
  };
  for (const Row& r : rows) {
    const auto cs = Analyze(r.text);
    ASSERT_TRUE(cs) << r.text;
    EXPECT_EQ(cs->param_insert_offset, r.offset) << r.text;
    EXPECT_EQ(cs->param_separator, r.separator) << r.text;
  }
}

TEST(ConnectionString, ConninfoQuotedValueRanges) {
  const std::string_view text = "host=db password = 'it\\'s a secret' sslmode=require";
  const auto cs = Analyze(text);
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->syntax, Syntax::kConninfo);
  EXPECT_EQ(cs->scheme, "");
  EXPECT_EQ(cs->password.value, "it's a secret");
  EXPECT_EQ(cs->password.raw, "'it\\'s a secret'");
  EXPECT_EQ(cs->password.range.begin, 19u);
  EXPECT_EQ(cs->password.range.end, 35u);
  EXPECT_EQ(cs->FindParam("password"), nullptr);
  ASSERT_NE(cs->FindParam("sslmode"), nullptr);
  EXPECT_EQ(cs->FindParam("sslmode")->key_range, (SourceRange{36, 43}));
  EXPECT_TRUE(cs->unencoded_password_chars.empty());  // URL syntax only
}

TEST(ConnectionString, ConninfoProblemsPointAtTheText) {
  const std::string_view text = "host=db dbname password='abc";
  const auto cs = Analyze(text);
  ASSERT_TRUE(cs);
  ASSERT_EQ(cs->problems.size(), 2u);
  EXPECT_EQ(cs->problems[0].kind, ProblemKind::kMissingEquals);
  EXPECT_EQ(cs->problems[0].range, (SourceRange{8, 14}));
  EXPECT_EQ(cs->problems[1].kind, ProblemKind::kUnterminatedQuote);
  EXPECT_EQ(cs->problems[1].range, (SourceRange{24, 28}));
  EXPECT_EQ(cs->problems[1].message.find("abc"), std::string::npos);
}

TEST(ConnectionString, CallerHoles) {
  // f"postgresql://app:{pw}@{host}/app" as the Python frontend hands it over:
  // the fields already replaced by their expression text.
  const std::string_view text = "postgresql://app:get_pw()@db_host_of(env)/app";
  AnalyzeOptions options;
  options.holes.push_back(SourceRange{17, 25});  // get_pw()
  options.holes.push_back(SourceRange{26, 41});  // db_host_of(env)
  const auto cs = Analyze(text, options);
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->password.raw, "get_pw()");
  EXPECT_EQ(cs->password_kind, PasswordKind::kInterpolated);
  EXPECT_TRUE(cs->host.has_holes);
  EXPECT_EQ(cs->host_kind, HostKind::kUnknown);
  EXPECT_EQ(cs->database.value, "app");

  // Without the holes, the same text is a literal password and a bare host.
  const auto plain = Analyze(text);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->password_kind, PasswordKind::kLiteral);
}

TEST(ConnectionString, CallerHoleMayHoldDelimiters) {
  // A concatenated C++ expression "a + \"@\" + b" inside the password.
  const std::string_view text = "postgres://app:x@y/z@db.example.com/app";
  AnalyzeOptions options;
  options.holes.push_back(SourceRange{15, 20});  // x@y/z
  const auto cs = Analyze(text, options);
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->password.raw, "x@y/z");
  EXPECT_EQ(cs->password_kind, PasswordKind::kInterpolated);
  EXPECT_EQ(cs->host.value, "db.example.com");
  EXPECT_TRUE(cs->unencoded_password_chars.empty());
}

TEST(ConnectionString, HoleWithSpacesDoesNotEndTheUrl) {
  const std::string_view text = "url: postgres://app:{{ secret \"db pw\" }}@db.example.com/app done";
  const auto cs = Analyze(text);
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->password.raw, "{{ secret \"db pw\" }}");
  EXPECT_EQ(cs->host.value, "db.example.com");
  EXPECT_EQ(cs->database.value, "app");
  EXPECT_EQ(text.substr(cs->range.begin, cs->range.size()),
            "postgres://app:{{ secret \"db pw\" }}@db.example.com/app");
}

TEST(ConnectionString, EscapedDollarIsNotAHole) {
  // docker compose and Terraform write a literal '$' as "$$".
  const auto cs = Analyze("postgres://app:pa$$word@db.example.com/app");
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->password_kind, PasswordKind::kLiteral);
  const auto hole = Analyze("postgres://app:pa$word@db.example.com/app");
  ASSERT_TRUE(hole);
  EXPECT_EQ(hole->password_kind, PasswordKind::kInterpolated);
}

TEST(ConnectionString, PercentEncodedUtf8IsNotAWindowsVariable) {
  const auto cs = Analyze("postgres://app:caf%C3%A9%E2%82%AC@db.example.com/app");
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->password_kind, PasswordKind::kLiteral);
  EXPECT_EQ(cs->password.value, "caf\xC3\xA9\xE2\x82\xAC");
  EXPECT_TRUE(cs->unencoded_password_chars.empty());
}

TEST(ConnectionString, FindAll) {
  const std::string_view text =
      R"({"primary":"postgres://app:pw1@app.cluster-c9akciq32.us-east-1.rds.amazonaws.com/app",)"
      R"("replica":"postgresql://app:pw2@app.cluster-ro-c9akciq32.us-east-1.rds.amazonaws.com/app",)"
      R"("docs":"https://example.com","cache":"redis://cache:6379"})";
  const std::vector<ConnectionString> all = FindAll(text);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].host_kind, HostKind::kAuroraCluster);
  EXPECT_EQ(all[0].password.value, "pw1");
  EXPECT_EQ(all[1].host_kind, HostKind::kAuroraReader);
  EXPECT_EQ(all[1].password.value, "pw2");
  EXPECT_EQ(all[2].scheme_kind, SchemeKind::kOtherDb);
  for (const ConnectionString& cs : all) {
    EXPECT_EQ(text[cs.range.begin - 1], '"');
    EXPECT_EQ(text[cs.range.end], '"');
  }
}

TEST(ConnectionString, FindAllConninfoAndNothing) {
  EXPECT_EQ(FindAll("host=db dbname=app").size(), 1u);
  EXPECT_TRUE(FindAll("nothing here").empty());
  EXPECT_EQ(FindAll("a postgres://a/b and postgres://c/d").size(), 2u);
}

TEST(ConnectionString, ChinaPartition) {
  const auto cn = Analyze("postgres://app@mydb.c9akciq32.cn-north-1.rds.amazonaws.com.cn/app");
  ASSERT_TRUE(cn);
  EXPECT_TRUE(cn->china_partition);
  const auto us = Analyze("postgres://app@mydb.c9akciq32.us-east-1.rds.amazonaws.com/app");
  ASSERT_TRUE(us);
  EXPECT_FALSE(us->china_partition);
}

TEST(ConnectionString, RemoteAndRdsDirect) {
  struct Row {
    std::string_view text;
    bool remote;
    bool rds_direct;
  };
  const Row rows[] = {
      {"postgres://a@mydb.c9akciq32.us-east-1.rds.amazonaws.com/app", true, true},
      {"postgres://a@app.cluster-c9akciq32.us-east-1.rds.amazonaws.com/app", true, true},
      {"postgres://a@app.cluster-ro-c9akciq32.us-east-1.rds.amazonaws.com/app", true, true},
      {"postgres://a@app.cluster-custom-c9akciq32.us-east-1.rds.amazonaws.com/app", true, true},
      {"postgres://a@app.proxy-c9akciq32.us-east-1.rds.amazonaws.com/app", true, false},
      {"postgres://a@db.example.com/app", true, false},
      {"postgres://a@10.1.2.3/app", true, false},
      {"postgres://a@localhost/app", false, false},
      {"postgres://a@db/app", false, false},
      {"postgres://a@${DB_HOST}/app", false, false},
      {"postgres:///app", false, false},
      {"dbname=app", false, false},
  };
  for (const Row& r : rows) {
    const auto cs = Analyze(r.text);
    ASSERT_TRUE(cs) << r.text;
    EXPECT_EQ(cs->IsRemote(), r.remote) << r.text;
    EXPECT_EQ(cs->IsRdsDirect(), r.rds_direct) << r.text;
  }
}

TEST(ConnectionString, MessagesNeverQuoteThePassword) {
  for (std::string_view text : {
           "postgres://admin:hunter22",  // the password read as a port
           "postgres://us%zz:hunter22@db.example.com/app",
           "postgres://app@db.example.com/app?password=hunt%zzer22",
           "postgress://app:hunter22@db/app",
           "host=db password='hunter22",
           "host=db password=xx hunter22",  // an unquoted space: the tail reads as a keyword
       }) {
    const auto cs = Analyze(text);
    ASSERT_TRUE(cs) << text;
    EXPECT_FALSE(cs->problems.empty()) << text;
    for (const Problem& p : cs->problems) {
      EXPECT_EQ(p.message.find("hunt"), std::string::npos) << p.message;
    }
  }
}

TEST(ConnectionString, UnterminatedHoleIsLiteralText) {
  const auto cs = Analyze("postgres://app:${oops@db.example.com/app");
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->password.value, "${oops");
  EXPECT_EQ(cs->password_kind, PasswordKind::kLiteral);
  EXPECT_EQ(cs->host.value, "db.example.com");
}

TEST(ConnectionString, PlaceholderPasswordHasNoUnencodedChars) {
  const auto cs = Analyze("postgres://app:[password]@db/app");
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->password_kind, PasswordKind::kPlaceholder);
  EXPECT_TRUE(cs->unencoded_password_chars.empty());
}

TEST(ConnectionString, PercentEncode) {
  EXPECT_EQ(PercentEncode('@'), "%40");
  EXPECT_EQ(PercentEncode(':'), "%3A");
  EXPECT_EQ(PercentEncode('/'), "%2F");
  EXPECT_EQ(PercentEncode('%'), "%25");
  EXPECT_EQ(PercentEncode(' '), "%20");
  EXPECT_EQ(PercentEncode('#'), "%23");
  EXPECT_EQ(PercentEncode('\xE9'), "%E9");
}

TEST(ConnectionString, HostKindNames) {
  EXPECT_EQ(HostKindName(HostKind::kRdsProxy), "rds-proxy");
  EXPECT_EQ(HostKindName(HostKind::kAuroraReader), "aurora-reader");
  EXPECT_EQ(HostKindName(HostKind::kComposeService), "compose-service");
  EXPECT_EQ(HostKindName(HostKind::kUnknown), "unknown");
}

TEST(ConnectionString, LongInputsStayLinear) {
  // Many unclosed "${" on one line: each look-ahead is bounded.
  std::string text = "postgres://app:";
  for (int i = 0; i < 20000; ++i) text += "${x";
  text += "@db.example.com/app";
  const auto cs = Analyze(text);
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->host.value, "db.example.com");
}

TEST(ConnectionString, FuzzStructure) {
  // Deterministic random strings over the characters that matter; every
  // result must keep its ranges inside the text and raw == text[range].
  static constexpr char kAlphabet[] = "postgres://@:/?#[]%$%{}{}()'\\ =&,.aAbB019-_\"\n";
  uint64_t state = 0x9E3779B97F4A7C15ull;
  const auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const std::string_view prefixes[] = {"postgres://", "host=", "", "x postgresql://u:"};
  for (int round = 0; round < 20000; ++round) {
    std::string text(prefixes[next() % 4]);
    const size_t len = next() % 40;
    for (size_t i = 0; i < len; ++i) text.push_back(kAlphabet[next() % (sizeof(kAlphabet) - 1)]);
    SCOPED_TRACE(text);
    if (const auto cs = Analyze(text)) CheckStructure(text, *cs);
    for (const ConnectionString& cs : FindAll(text)) CheckStructure(text, cs);
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace rdslint::url
