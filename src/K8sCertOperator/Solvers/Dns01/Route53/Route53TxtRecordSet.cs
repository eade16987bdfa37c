namespace K8sCertOperator.Solvers.Dns01.Route53;

/// <summary>A TXT record set as Route53 holds it: one TTL, the unquoted values.</summary>
public sealed record Route53TxtRecordSet(string Name, int Ttl, IReadOnlyList<string> Values);
