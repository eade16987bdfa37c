namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Who writes and how, for metadata.managedFields.</summary>
/// <param name="Manager">The fieldManager query parameter, else the User-Agent's first token (as kube-apiserver defaults it).</param>
/// <param name="Operation"><c>Update</c> for create/update/patch, <c>Apply</c> for server-side apply.</param>
public sealed record WriteContext(string Manager, string Operation)
{
    /// <summary>Writes that do not come over HTTP (seeding, the default namespace).</summary>
    public static WriteContext Internal { get; } = new("stand-in", "Update");

    /// <summary>kube-apiserver's default manager name: the User-Agent up to its first '/'.</summary>
    public static WriteContext From(string? fieldManager, string? userAgent, bool apply)
    {
        var manager = !string.IsNullOrEmpty(fieldManager) ? fieldManager
            : !string.IsNullOrEmpty(userAgent) ? userAgent.Split('/')[0].Trim()
            : "unknown";
        return new(manager.Length == 0 ? "unknown" : manager, apply ? "Apply" : "Update");
    }
}
