import Testing
@testable import StrataAnalyzers

@Suite struct PURLTests {
    @Test(arguments: [
        (PURL.npm("@types/node", "20.10.4"), "pkg:npm/%40types/node@20.10.4"),
        (PURL.npm("lodash", "4.17.21"), "pkg:npm/lodash@4.17.21"),
        (PURL.golang("github.com/gin-gonic/gin", "v1.9.1"), "pkg:golang/github.com/gin-gonic/gin@v1.9.1"),
        (PURL.golang("github.com/dgrijalva/jwt-go", "v3.2.0+incompatible"),
         "pkg:golang/github.com/dgrijalva/jwt-go@v3.2.0%2Bincompatible"),
        (PURL.golang("stdlib", "go1.21"), "pkg:golang/stdlib@go1.21"),
        (PURL.pypi("Flask_Cors", "3.0.8"), "pkg:pypi/flask-cors@3.0.8"),
        (PURL.pypi("zope.interface", "6.1"), "pkg:pypi/zope-interface@6.1"),
        (PURL.pypi("Foo__-.Bar", nil), "pkg:pypi/foo-bar"),
        (PURL.cargo("serde", "1.0.193"), "pkg:cargo/serde@1.0.193"),
        (PURL.gem("rails-html-sanitizer", "1.6.0"), "pkg:gem/rails-html-sanitizer@1.6.0"),
        (PURL.composer("Symfony/Console", "v6.4.1"), "pkg:composer/symfony/console@v6.4.1"),
        (PURL.deb("libc6", "2.36-9+deb12u7", vendor: "debian", arch: "amd64", distro: "debian-12"),
         "pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12"),
        (PURL.deb("bsdutils", "1:2.38.1-5", vendor: "debian", arch: nil, distro: nil), "pkg:deb/debian/bsdutils@1:2.38.1-5"),
        (PURL.apk("musl", "1.2.4_git20230717-r4", vendor: "alpine", arch: "x86_64", distro: "alpine-3.19.1"),
         "pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1"),
        (PURL(type: "generic", name: "a b/c", version: "1 0", qualifiers: ["x": "", "b": "p/q r"], subpath: "s t/u"),
         "pkg:generic/a%20b%2Fc@1%200?b=p/q%20r#s%20t/u"),
        (PURL(type: "NPM", name: "ümlaut", version: "1"), "pkg:npm/%C3%BCmlaut@1"),
    ])
    func encoding(purl: PURL, expected: String) {
        #expect(purl.description == expected)
    }

    @Test(arguments: [("Django", "django"), ("Flask_Cors", "flask-cors"), ("a.-_b", "a-b"), ("requests", "requests")])
    func pypiNormalisation(name: String, expected: String) {
        #expect(PURL.normalizePyPI(name) == expected)
    }
}
