/// Go's `crypto/x509` enumerations, which its JSON shows as integers.
enum GoX509Codes {
    static let signatureAlgorithms: [[UInt]: Int] = [
        [1, 2, 840, 113549, 1, 1, 2]: 1, [1, 2, 840, 113549, 1, 1, 4]: 2, [1, 2, 840, 113549, 1, 1, 5]: 3,
        [1, 2, 840, 113549, 1, 1, 11]: 4, [1, 2, 840, 113549, 1, 1, 12]: 5, [1, 2, 840, 113549, 1, 1, 13]: 6,
        [1, 2, 840, 10040, 4, 3]: 7, [2, 16, 840, 1, 101, 3, 4, 3, 2]: 8, [1, 2, 840, 10045, 4, 1]: 9,
        [1, 2, 840, 10045, 4, 3, 2]: 10, [1, 2, 840, 10045, 4, 3, 3]: 11, [1, 2, 840, 10045, 4, 3, 4]: 12,
        [1, 2, 840, 113549, 1, 1, 10]: 13, [1, 3, 101, 112]: 16,
    ]

    static let publicKeyAlgorithms: [[UInt]: Int] = [
        [1, 2, 840, 113549, 1, 1, 1]: 1, [1, 2, 840, 10040, 4, 1]: 2, [1, 2, 840, 10045, 2, 1]: 3, [1, 3, 101, 112]: 4,
    ]

    static let extKeyUsages: [[UInt]: Int] = [
        [2, 5, 29, 37, 0]: 0, [1, 3, 6, 1, 5, 5, 7, 3, 1]: 1, [1, 3, 6, 1, 5, 5, 7, 3, 2]: 2, [1, 3, 6, 1, 5, 5, 7, 3, 3]: 3,
        [1, 3, 6, 1, 5, 5, 7, 3, 4]: 4, [1, 3, 6, 1, 5, 5, 7, 3, 5]: 5, [1, 3, 6, 1, 5, 5, 7, 3, 6]: 6,
        [1, 3, 6, 1, 5, 5, 7, 3, 7]: 7, [1, 3, 6, 1, 5, 5, 7, 3, 8]: 8, [1, 3, 6, 1, 5, 5, 7, 3, 9]: 9,
        [1, 3, 6, 1, 4, 1, 311, 10, 3, 3]: 10, [2, 16, 840, 1, 113730, 4, 1]: 11,
        [1, 3, 6, 1, 4, 1, 311, 2, 1, 22]: 12, [1, 3, 6, 1, 4, 1, 311, 61, 1, 1]: 13,
    ]

    /// The option names of `parse_and_verify_certificates_with_options` → Go's ExtKeyUsage values.
    static let keyUsageOptions: [String: Int] = [
        "KeyUsageAny": 0, "KeyUsageServerAuth": 1, "KeyUsageClientAuth": 2, "KeyUsageCodeSigning": 3,
        "KeyUsageEmailProtection": 4, "KeyUsageIPSECEndSystem": 5, "KeyUsageIPSECTunnel": 6, "KeyUsageIPSECUser": 7,
        "KeyUsageTimeStamping": 8, "KeyUsageOCSPSigning": 9, "KeyUsageMicrosoftServerGatedCrypto": 10,
        "KeyUsageNetscapeServerGatedCrypto": 11, "KeyUsageMicrosoftCommercialCodeSigning": 12,
        "KeyUsageMicrosoftKernelCodeSigning": 13,
    ]

    /// `pkix.Name` fields filled from well-known attribute types.
    static let nameFields: [([UInt], String)] = [
        ([2, 5, 4, 6], "Country"), ([2, 5, 4, 10], "Organization"), ([2, 5, 4, 11], "OrganizationalUnit"),
        ([2, 5, 4, 7], "Locality"), ([2, 5, 4, 8], "Province"), ([2, 5, 4, 9], "StreetAddress"), ([2, 5, 4, 17], "PostalCode"),
    ]
}
