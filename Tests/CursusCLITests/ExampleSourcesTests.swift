import CursusTestSupport
import Foundation
import Testing

/// The succession example cites each fact with the sentence it came from: every quote stands,
/// word for word, in the seed documents or the real articles it names.
@Suite struct ExampleSourcesTests {
    @Test func everyQuoteOfTheSuccessionExampleIsInItsSources() throws {
        let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let script = """
            import glob, sys, yaml
            texts = [open(f, encoding="utf-8").read() for f in glob.glob(sys.argv[1] + "/seeds/*") + glob.glob(sys.argv[1] + "/fixtures/real/articles/*")]
            def quotes(value):
                if isinstance(value, dict):
                    if "quote" in value: yield value["quote"]
                    for item in value.values(): yield from quotes(item)
                elif isinstance(value, list):
                    for item in value: yield from quotes(item)
            found = list(quotes(yaml.safe_load(open(sys.argv[2], encoding="utf-8"))))
            missing = [q for q in found if not any(q in text for text in texts)]
            print(len(found), "quotes;", "missing:", missing)
            """
        let (status, output) = try python(
            ["-c", script, shared.path, repositoryRoot.appendingPathComponent("Examples/succession/ambassadors.yml").path])
        let text = String(decoding: output, as: UTF8.self)
        #expect(status == 0, "\(text)")
        #expect(text.hasSuffix("missing: []\n"), "\(text)")
        #expect(!text.hasPrefix("0 "), "the example quotes its sources")
    }
}
