namespace K8sCertOperator.Cli.Standalone.Renew;

/// <summary>What the renew decision needs to know about the certificate already in the output folder.</summary>
/// <param name="SerialHex">The leaf's serial, which fixes its point in an ARI window.</param>
/// <param name="Names">DNS names and IP addresses of the leaf, as certify's -d takes them.</param>
public sealed record InstalledCertificate(string SerialHex, DateTimeOffset NotBefore, DateTimeOffset NotAfter, IReadOnlyList<string> Names);
