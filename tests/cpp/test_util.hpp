// Helpers shared by the C++ tests: a temporary directory, files in it, draining a reader.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "incidentkit/loaders.hpp"

namespace ik::test {

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ik_test_XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  // Writes `content` (bytes as given) to a file under the directory, creating folders; returns its path.
  std::string write(const std::string& name, const std::string& content) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

struct Drained {
  std::vector<Document> docs;
  std::vector<ErrorRecord> errors;
  std::vector<LoadedItem> items;  // everything, in order
};

inline Drained drain(DocumentReader& reader) {
  Drained out;
  LoadedItem item;
  while (reader.next(item)) {
    if (item.doc) out.docs.push_back(*item.doc);
    if (item.error) out.errors.push_back(*item.error);
    out.items.push_back(item);
  }
  return out;
}

inline Drained load(const std::vector<std::string>& paths, const LoadOptions& options = {}) {
  auto reader = open_documents(paths, options);
  return drain(*reader);
}

}  // namespace ik::test
