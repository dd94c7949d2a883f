// A generated monorepo shaped like a real serverless one: N services, each
// with Terraform (RDS, RDS Proxy, a secret, a Lambda function and its role),
// a SAM template, .env files, schema.prisma, TypeScript and Python that reach
// the database, package.json, and the bulk of ordinary files real
// repositories carry (UI components, libraries, tests, docs). One service in
// ten has the mistakes rdslint exists for. Deterministic: the same arguments
// write the same bytes.
#ifndef RDSLINT_BENCH_MONOREPO_GEN_H_
#define RDSLINT_BENCH_MONOREPO_GEN_H_

#include <cstdint>
#include <string>
#include <vector>

namespace rdslint::bench {

struct GeneratedTree {
  int files = 0;
  uint64_t bytes = 0;
  int services = 0;
  // Per service, the files a developer typically changes together (paths
  // relative to the tree): .env, schema.prisma, a handler, a worker, main.tf.
  std::vector<std::vector<std::string>> change_sets;
};

// Writes about `files` files (whole services; the last may be partial) under
// `dir`, which must exist.
GeneratedTree GenerateMonorepo(const std::string& dir, int files);

}  // namespace rdslint::bench

#endif  // RDSLINT_BENCH_MONOREPO_GEN_H_
