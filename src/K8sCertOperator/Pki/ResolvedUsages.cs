using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>cert-manager usage names turned into a KeyUsage bit set and extended key usage OIDs.</summary>
public sealed record ResolvedUsages(X509KeyUsageFlags KeyUsage, IReadOnlyList<string> ExtendedKeyUsageOids);
