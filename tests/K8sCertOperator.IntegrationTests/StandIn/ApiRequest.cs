namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>A resource request as the stand-in understood it; fault predicates and counters see this.</summary>
/// <param name="Verb">Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection.</param>
/// <param name="Path">The URL path without query.</param>
/// <param name="Group">API group, empty for core.</param>
/// <param name="Version">API version.</param>
/// <param name="Namespace">Namespace from the URL, null for cluster-scoped or cross-namespace requests.</param>
/// <param name="Plural">Resource plural.</param>
/// <param name="Name">Object name, null for collection requests.</param>
/// <param name="Subresource">Subresource such as <c>status</c>, or null.</param>
public sealed record ApiRequest(
    string Verb,
    string Path,
    string Group,
    string Version,
    string? Namespace,
    string Plural,
    string? Name,
    string? Subresource)
{
    /// <summary>
    /// Parses a resource URL such as <c>/apis/k8scert.io/v1/namespaces/a/certificates/b/status</c>;
    /// null when the path is not a resource path (discovery, health, garbage).
    /// </summary>
    public static ApiRequest? Parse(string method, string path, bool watch)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        var tail = segments[rest..];
        string? ns = null;
        // "namespaces/x/status" and "namespaces/x/finalize" are subresources of the Namespace itself,
        // not a resource called "status" inside namespace x.
        var isNamespaceSubresource = group.Length == 0 && tail.Length == 3 && tail[0] == "namespaces"
            && tail[2] is "status" or "finalize";
        if (tail.Length >= 3 && tail[0] == "namespaces" && !isNamespaceSubresource)
        {
            ns = tail[1];
            tail = tail[2..];
        }
        if (tail.Length is < 1 or > 3)
        {
            return null;
        }
        var plural = tail[0];
        var name = tail.Length >= 2 ? tail[1] : null;
        var subresource = tail.Length == 3 ? tail[2] : null;
        var verb = VerbFor(method, name is not null, watch);
        return verb is null ? null : new ApiRequest(verb, path, group, version, ns, plural, name, subresource);
    }

    private static string? VerbFor(string method, bool hasName, bool watch) => method.ToUpperInvariant() switch
    {
        "GET" when hasName => "get",
        "GET" when watch => "watch",
        "GET" => "list",
        "POST" when !hasName => "create",
        "PUT" when hasName => "update",
        "PATCH" when hasName => "patch",
        "DELETE" when hasName => "delete",
        "DELETE" => "deletecollection",
        _ => null,
    };
}
