using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>What a CertificateSpec asks the PKI layer for: the X.509 template, the lifetime and the key.</summary>
public sealed record CertificateIssuanceParameters(CertificateTemplate Template, TimeSpan Duration, PrivateKeySpec PrivateKey);
