// Loading plugin files: every deliberately broken fixture is refused with its own code and a message
// naming the file and the reason; good ones load; the built-ins work the same as loadable modules.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "incidentkit/errors.hpp"
#include "incidentkit/pipeline.hpp"
#include "test_util.hpp"

namespace {

const std::string kFixtures = IK_FIXTURE_DIR;
const std::string kPlugins = IK_PLUGIN_DIR;

struct BrokenCase {
  const char* file;
  const char* code;
  std::vector<std::string> message_parts;
  friend void PrintTo(const BrokenCase& c, std::ostream* os) { *os << c.file; }
};

class BrokenPlugin : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenPlugin, IsRefusedWithItsCodeAndReason) {
  const auto& c = GetParam();
  const std::string path = kFixtures + "/" + c.file;
  ik::Registry registry(false);
  try {
    registry.load_plugin(path);
    FAIL() << c.file << " loaded";
  } catch (const ik::PluginError& e) {
    EXPECT_EQ(e.code(), c.code) << e.what();
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    for (const auto& part : c.message_parts)
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << "'" << part << "' not in: " << e.what();
  }
  EXPECT_TRUE(registry.list().empty());  // nothing half-registered
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, BrokenPlugin,
    ::testing::Values(
        BrokenCase{"fx_no_entry.so", "E302", {"fx_no_entry_init", "ik_plugin_init"}},
        BrokenCase{"fx_wrong_major.so", "E303", {"plugin ABI 2.0", "host ABI 1.0"}},
        BrokenCase{"fx_newer_minor.so", "E303", {"plugin ABI 1.1", "host ABI 1.0"}},
        BrokenCase{"fx_null_callbacks.so", "E304", {"other.v1", "process"}},
        BrokenCase{"fx_bad_struct_size.so", "E304", {"struct_size"}},
        BrokenCase{"fx_empty_name.so", "E304", {"name"}},
        BrokenCase{"fx_duplicate_name.so", "E305", {"broken.v1"}},
        BrokenCase{"fx_init_error.so", "E306", {"fx_init_error_init", "gazetteer file missing: places.tsv"}},
        BrokenCase{"fx_big_plugin_struct.so", "E304", {"struct_size"}}),
    [](const auto& info) {
      std::string name = info.param.file;
      return name.substr(3, name.find('.') - 3);
    });

TEST(Plugins, RefusesAFileThatIsNotALibrary) {
  ik::test::TempDir dir;
  const auto path = dir.write("notes.so", "this is not a shared library\n");
  ik::Registry registry(false);
  try {
    registry.load_plugin(path);
    FAIL();
  } catch (const ik::PluginError& e) {
    EXPECT_EQ(e.code(), "E301");
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
  }
}

TEST(Plugins, RefusesAMissingFile) {
  ik::Registry registry(false);
  try {
    registry.load_plugin(kFixtures + "/does_not_exist.so");
    FAIL();
  } catch (const ik::PluginError& e) {
    EXPECT_EQ(e.code(), "E301");
    EXPECT_NE(std::string(e.what()).find("does_not_exist.so"), std::string::npos);
  }
}

TEST(Plugins, FallsBackToTheGenericEntryPoint) {
  ik::Registry registry(false);
  // libfx_generic.so: stem "fx_generic" (lib prefix dropped); only ik_plugin_init exists.
  const auto names = registry.load_plugin(kFixtures + "/libfx_generic.so");
  ASSERT_EQ(names, std::vector<std::string>{"whole.v1"});
  ik::Pipeline pipeline(registry, {"whole.v1"});
  ik::Document doc;
  doc.id = "d";
  doc.text = "Two people were wounded.";
  const auto result = pipeline.run(doc);
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.mentions.size(), 1u);
  EXPECT_EQ(result.mentions[0].end, doc.text.size());
  EXPECT_EQ(result.mentions[0].extractor, "whole.v1");
}

TEST(Plugins, ReportsRequiresAssignsDefaultsAndSource) {
  ik::Registry registry(false);
  registry.load_plugin(kFixtures + "/fx_abi_probe.so");
  auto f = registry.find("probe.v1");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->info().assigns, (std::vector<std::string>{"probe", "small", "attrs"}));
  EXPECT_TRUE(f->info().requires_labels.empty());
  EXPECT_EQ(f->info().default_config["depth"], 1);
  EXPECT_EQ(f->info().source, kFixtures + "/fx_abi_probe.so");
}

TEST(Plugins, RefusesAnExtractorNameAlreadyRegistered) {
  ik::Registry registry;  // built-ins include dates.v1
  try {
    registry.load_plugin(kPlugins + "/ik_dates.so");
    FAIL();
  } catch (const ik::PluginError& e) {
    EXPECT_EQ(e.code(), "E305");
    EXPECT_NE(std::string(e.what()).find("dates.v1"), std::string::npos);
  }
  EXPECT_EQ(registry.list().size(), ik::Registry().list().size());
}

TEST(Plugins, BuiltinsLoadedAsModulesMatchTheCompiledIn) {
  ik::Registry builtin;
  ik::Registry modules(false);
  // Every ik_*.so in the build's plugins/ folder: the same sources as the compiled-in extractors.
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kPlugins))
    if (entry.path().extension() == ".so" && entry.path().filename().string().rfind("ik_", 0) == 0)
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) modules.load_plugin(f);
  ASSERT_EQ(builtin.list().size(), modules.list().size());
  for (const auto& info : builtin.list()) {
    const auto other = modules.find(info.full_name())->info();
    EXPECT_EQ(info.requires_labels, other.requires_labels) << info.full_name();
    EXPECT_EQ(info.assigns, other.assigns) << info.full_name();
    EXPECT_EQ(info.default_config, other.default_config) << info.full_name();
    EXPECT_EQ(info.source, "built-in");
    EXPECT_NE(other.source.find(".so"), std::string::npos);
  }
  // Same chain, same document, same output through either path.
  ik::Document doc;
  doc.id = "same";
  doc.published = "2019-06-03";
  doc.text = "Government aircraft bombed a market in Maarat al-Numan on Sunday, killing at least 11 civilians "
             "and wounding 30 others, a local rescue group said.\n\nTwo children were among the dead.";
  const auto a = ik::Pipeline(builtin, ik::default_chain()).run(doc);
  const auto b = ik::Pipeline(modules, ik::default_chain()).run(doc);
  ASSERT_EQ(a.error.has_value(), b.error.has_value());
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) EXPECT_EQ(a.mentions[i].to_json(), b.mentions[i].to_json());
  EXPECT_EQ(a.incidents, b.incidents);
}

TEST(Plugins, PluginPathLoadsEveryLibraryAndCollectsFailures) {
  ik::test::TempDir dir;
  std::filesystem::copy_file(kFixtures + "/fx_abi_probe.so", dir.path() / "fx_abi_probe.so");
  std::filesystem::copy_file(kFixtures + "/fx_wrong_major.so", dir.path() / "fx_wrong_major.so");
  dir.write("readme.txt", "not a plugin, not even tried");
  setenv("INCIDENTKIT_PLUGIN_PATH", (dir.path().string() + ":" + dir.path().string() + "/missing").c_str(), 1);
  ik::Registry registry(false);
  std::vector<std::string> failures;
  const auto names = registry.load_plugin_path(&failures);
  EXPECT_EQ(names, std::vector<std::string>{"probe.v1"});
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_NE(failures[0].find("fx_wrong_major.so"), std::string::npos);
  EXPECT_NE(failures[1].find("missing"), std::string::npos);

  setenv("INCIDENTKIT_PLUGIN_PATH", "disable", 1);
  ik::Registry off(false);
  EXPECT_TRUE(off.load_plugin_path().empty());
  unsetenv("INCIDENTKIT_PLUGIN_PATH");
}

}  // namespace
