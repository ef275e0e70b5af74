// ik_load_plugin PLUGIN_FILE [TEXT]: loads one plugin file next to the built-ins, runs "sentences.v1"
// and the plugin's extractors over TEXT and prints each mention as JSON. Used by the out-of-tree
// example test; exits non-zero with the error when anything fails.
#include <iostream>

#include "incidentkit/errors.hpp"
#include "incidentkit/pipeline.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ik_load_plugin PLUGIN_FILE [TEXT]\n";
    return 2;
  }
  try {
    ik::Registry registry;
    const auto names = registry.load_plugin(argv[1]);
    std::vector<std::string> chain = {"sentences.v1"};
    chain.insert(chain.end(), names.begin(), names.end());
    ik::Pipeline pipeline(registry, chain);
    ik::Document doc;
    doc.id = "example";
    doc.source = "<argv>";
    doc.text = argc > 2 ? argv[2] : "Gunmen attacked a convoy near Gao, the army said.";
    const auto result = pipeline.run(doc);
    if (result.error) {
      std::cerr << result.error->message << "\n";
      return 1;
    }
    for (const auto& m : result.mentions) std::cout << m.to_json().dump() << "\n";
  } catch (const ik::Error& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
