namespace K8sCertOperator.Pki;

/// <summary>Result of local issuance: tls.crt content (leaf first, then chain) and ca.crt content.</summary>
public sealed record IssuedCertificate(string CertificatePem, string CaPem);
