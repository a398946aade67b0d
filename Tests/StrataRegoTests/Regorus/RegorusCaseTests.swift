import Foundation
import Testing
import StrataRego
import StrataRegoAST
import _StrataTestSupport

/// regorus' 688 interpreter cases, judged against OPA's verdicts (OPA_CROSSCHECK.json): where OPA agrees with
/// regorus, Strata must give the same answer (or fail where both fail); where OPA answers differently, Strata must
/// give OPA's answer. Cases OPA rejects at compile time are reported, not required (Strata has no static type checker).
@Suite("regorus interpreter cases (OPA as reference)")
struct RegorusCaseTests {
    static let root = RepoPaths.shared("corpora/rego/regorus-cases")
    /// Ratchets: cases that agree with OPA. They may only go up.
    static let minimumAgree = 486
    static let minimumOPAAnswers = 13

    @Test("cases agree with OPA")
    func cases() throws {
        let all = try RegorusCase.loadAll(root: Self.root)
        #expect(all.count == 688)
        var agree = 0, opaAnswerAgree = 0, opaAnswerCases = 0, skipped = 0, opaRejects = 0, strataRejectsToo = 0
        var failures: [String] = []
        for c in all {
            let got: Result<[Value], Error> = Result { try c.run() }
            switch c.verdict {
            case .skip:
                skipped += 1
            case .agree:
                switch got {
                case .success(let values) where c.want.map({ Self.same($0, values) }) ?? false: agree += 1
                case .success(let values): failures.append("\(c.key): got \(Self.json(values)), want \(Self.json(c.want ?? []))")
                case .failure(let e): failures.append("\(c.key): error \(e)")
                }
            case .errorAgree:
                if case .failure = got { agree += 1 } else { failures.append("\(c.key): OPA and regorus fail, Strata answers \(Self.json((try? got.get()) ?? []))") }
            case .opaAnswers(let answer):
                // OPA's JSON was cut at 300 characters in the cross-check; only complete answers can be compared.
                guard let opa = try? RegoEngine.parseJSON(answer), case .array(let values) = opa else { skipped += 1; continue }
                opaAnswerCases += 1
                switch got {
                case .success(let mine) where Self.asJSON(.array(mine)) == .array(values): opaAnswerAgree += 1
                case .success(let mine): failures.append("\(c.key): got \(Self.json(mine)), OPA \(answer)")
                case .failure(let e): failures.append("\(c.key): error \(e), OPA \(answer)")
                }
            case .opaError:
                opaRejects += 1
                if case .failure = got { strataRejectsToo += 1 }
            }
        }
        print("regorus cases — \(agree) agree with OPA and regorus; \(opaAnswerAgree) of \(opaAnswerCases) give OPA's answer where regorus differs; "
              + "OPA rejects \(opaRejects) at compile time (Strata too: \(strataRejectsToo)); \(skipped) skipped")
        if !failures.isEmpty { print(failures.prefix(60).joined(separator: "\n")) }
        #expect(agree >= Self.minimumAgree)
        #expect(opaAnswerAgree >= Self.minimumOPAAnswers)
    }

    /// regorus compares sets as multisets and numbers by value; Value's equality already does both.
    static func same(_ want: [Value], _ got: [Value]) -> Bool { want == got }

    /// As OPA's JSON: sets become arrays (sorted), objects keep only string keys' JSON form.
    static func asJSON(_ v: Value) -> Value {
        (try? RegoEngine.parseJSON(v.jsonString())) ?? v
    }

    static func json(_ values: [Value]) -> String { Value.array(values).jsonString() }
}
