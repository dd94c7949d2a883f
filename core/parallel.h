// Runs fn(0..n-1) on `jobs` threads. Work is handed out by an atomic index,
// so there is no lock on the hot path; results go into slots the caller
// indexes by i, which keeps the output independent of the thread count.
#ifndef RDSLINT_CORE_PARALLEL_H_
#define RDSLINT_CORE_PARALLEL_H_

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace rdslint {

template <typename Fn>
void ParallelFor(size_t n, int jobs, Fn&& fn) {
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> threads;
  const size_t count = std::min<size_t>(static_cast<size_t>(jobs), n);
  threads.reserve(count - 1);
  for (size_t t = 1; t < count; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
}

}  // namespace rdslint

#endif  // RDSLINT_CORE_PARALLEL_H_
