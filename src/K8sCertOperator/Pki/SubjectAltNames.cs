namespace K8sCertOperator.Pki;

/// <summary>The subject alternative names the operator cares about, as strings.</summary>
public sealed record SubjectAltNames(
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> IpAddresses,
    IReadOnlyList<string> Uris,
    IReadOnlyList<string> EmailAddresses)
{
    /// <summary>otherName entries with a UTF8String value.</summary>
    public IReadOnlyList<OtherName> OtherNames { get; init; } = [];

    public static SubjectAltNames Empty { get; } = new([], [], [], []);
}
