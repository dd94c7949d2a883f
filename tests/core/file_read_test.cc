#include "core/file_read.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

namespace rdslint {
namespace {

class FileReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/rdslint-file-read-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string dir_;
};

TEST_F(FileReadTest, ReadsEveryByte) {
  std::string bytes(200000, 'x');
  bytes[7] = '\0';
  bytes.back() = '\n';
  std::string out = "left over";
  EXPECT_EQ(ReadFileBytes(Write("a.env", bytes), &out), 0);
  EXPECT_EQ(out, bytes);
}

TEST_F(FileReadTest, EmptyFile) {
  std::string out = "left over";
  EXPECT_EQ(ReadFileBytes(Write("empty", ""), &out), 0);
  EXPECT_EQ(out, "");
}

TEST_F(FileReadTest, ErrorsAreErrnoValues) {
  std::string out;
  EXPECT_EQ(ReadFileBytes(dir_ + "/missing", &out), ENOENT);
  EXPECT_EQ(ReadFileBytes(dir_, &out), EISDIR);
  EXPECT_EQ(out, "");
}

TEST_F(FileReadTest, StopsAtTheLimit) {
  std::string out;
  EXPECT_EQ(ReadFileBytes(Write("big", std::string(1000, 'y')), &out, 999), EFBIG);
  EXPECT_EQ(out, "");
  EXPECT_EQ(ReadFileBytes(Write("exact", std::string(1000, 'y')), &out, 1000), 0);
  EXPECT_EQ(out.size(), 1000u);
}

// The size discovery listed spares the fstat, but the file is read as it
// is now: grown, shrunk, or no longer a file.
TEST_F(FileReadTest, AListedSizeIsAHintNotATruth) {
  const std::string bytes(100000, 'g');
  const std::string path = Write("changed", bytes);
  std::string out;
  EXPECT_EQ(ReadFileBytes(path, &out, static_cast<size_t>(-1), 10), 0);  // grew since listed
  EXPECT_EQ(out, bytes);
  EXPECT_EQ(ReadFileBytes(path, &out, static_cast<size_t>(-1), 500000), 0);  // shrank
  EXPECT_EQ(out, bytes);
  EXPECT_EQ(ReadFileBytes(path, &out, 99999, 10), EFBIG);  // the limit still holds
  EXPECT_EQ(out, "");
  EXPECT_EQ(ReadFileBytes(dir_, &out, static_cast<size_t>(-1), 4096), EISDIR);  // now a folder
  EXPECT_EQ(out, "");
}

TEST_F(FileReadTest, ReadsAPipeOfUnknownSize) {
  const std::string fifo = dir_ + "/fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const std::string bytes(100000, 'z');
  // The writer needs its own process: opening a FIFO blocks until both ends are open.
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::ofstream(fifo, std::ios::binary) << bytes;
    _exit(0);
  }
  std::string out;
  EXPECT_EQ(ReadFileBytes(fifo, &out), 0);
  EXPECT_EQ(out, bytes);
  int status = 0;
  waitpid(child, &status, 0);
}

}  // namespace
}  // namespace rdslint
