namespace K8sCertOperator.Api.Acme;

/// <summary>Values of <c>dns01.cnameStrategy</c>.</summary>
public static class CnameStrategies
{
    /// <summary>Write the TXT record at _acme-challenge.&lt;name&gt; itself.</summary>
    public const string None = "None";

    /// <summary>Follow a CNAME at _acme-challenge.&lt;name&gt; and write the record at its target.</summary>
    public const string Follow = "Follow";

    public static IReadOnlyList<string> All { get; } = [None, Follow];
}
