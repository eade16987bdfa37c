using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// kube-apiserver's metadata-only responses: an Accept of <c>application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1</c>
/// turns a list into a PartialObjectMetadataList, and <c>as=PartialObjectMetadata</c> turns a get or each watch event's
/// object into a PartialObjectMetadata (apiVersion meta.k8s.io/v1, only metadata). The Accept ranges are tried in order;
/// a plain JSON range serves the full object, and a view the stand-in cannot serve (Table, a list kind on a get) is 406.
/// </summary>
internal static class PartialObjectMetadataView
{
    public const string ApiVersion = "meta.k8s.io/v1";
    public const string ObjectKind = "PartialObjectMetadata";
    public const string ListKind = "PartialObjectMetadataList";

    /// <summary>The view asked for: null for the full object, else the kind (ObjectKind or ListKind) to answer with.</summary>
    public static string? Requested(string? accept, bool isList)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return null;
        }
        var askedForView = false;
        foreach (var range in accept.Split(','))
        {
            var parts = range.Split(';', StringSplitOptions.TrimEntries);
            if (parts[0] is not ("application/json" or "application/*" or "*/*"))
            {
                continue; // e.g. protobuf: the stand-in speaks JSON only
            }
            var parameters = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0].ToLowerInvariant(), p => p[1], StringComparer.Ordinal);
            if (!parameters.TryGetValue("as", out var kind))
            {
                return null;
            }
            askedForView = true;
            var metaV1 = parameters.GetValueOrDefault("g") == "meta.k8s.io" && parameters.GetValueOrDefault("v") == "v1";
            if (metaV1 && kind == (isList ? ListKind : ObjectKind))
            {
                return kind;
            }
        }
        if (!askedForView)
        {
            return null; // the stand-in answers JSON whatever else was asked for
        }
        throw new ApiException(406, "NotAcceptable", $"only the following media types are accepted: application/json, application/json;as={(isList ? ListKind : ObjectKind)};g=meta.k8s.io;v=v1");
    }

    /// <summary>One object as PartialObjectMetadata.</summary>
    public static JsonObject Of(JsonObject obj) => new()
    {
        ["kind"] = ObjectKind,
        ["apiVersion"] = ApiVersion,
        ["metadata"] = obj["metadata"]?.DeepClone() ?? new JsonObject(),
    };

    /// <summary>A list response as PartialObjectMetadataList.</summary>
    public static JsonObject OfList(JsonObject list) => new()
    {
        ["kind"] = ListKind,
        ["apiVersion"] = ApiVersion,
        ["metadata"] = list["metadata"]?.DeepClone() ?? new JsonObject(),
        ["items"] = new JsonArray([.. (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(Of)]),
    };

    /// <summary>The response for <paramref name="accept"/>: the body as it is, or its metadata-only view.</summary>
    public static JsonObject Apply(string? accept, JsonObject body, bool isList) =>
        Requested(accept, isList) is null ? body : isList ? OfList(body) : Of(body);
}
