using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>A failure the stand-in answers with a Kubernetes <c>Status</c> object, as kube-apiserver does.</summary>
public sealed class ApiException(int code, string reason, string message, string? name = null, ResourceType? type = null)
    : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    /// <summary>details.kind; defaults to the resource plural (what NotFound and Conflict carry), Invalid uses the Kind.</summary>
    public string? DetailsKind { get; init; }

    /// <summary>details.causes of an Invalid answer: one per field error.</summary>
    public IReadOnlyList<Validation.FieldError> Causes { get; init; } = [];

    /// <summary>The Status body: kind Status, apiVersion v1, status Failure, reason, code and details.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
            ["code"] = Code,
        };
        if (name is not null || type is not null)
        {
            var details = new JsonObject();
            if (name is not null)
            {
                details["name"] = name;
            }
            if (type is not null)
            {
                details["group"] = type.Group;
                details["kind"] = DetailsKind ?? type.Plural;
            }
            if (Causes.Count > 0)
            {
                details["causes"] = new JsonArray([.. Causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = c.Type,
                    ["message"] = c.Body(),
                    ["field"] = c.Field,
                })]);
            }
            status["details"] = details;
        }
        return status;
    }

    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedName} \"{name}\" not found", name, type);

    public static ApiException NotFoundResource(string path) =>
        new(404, "NotFound", $"the server could not find the requested resource ({path})");

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedName} \"{name}\" already exists", name, type);

    public static ApiException Conflict(ResourceType type, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {type.QualifiedName} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            name, type);

    public static ApiException Invalid(ResourceType type, string name, string message) =>
        new(422, "Invalid", $"{QualifiedKind(type)} \"{name}\" is invalid: {message}", name, type) { DetailsKind = type.Kind };

    /// <summary>
    /// apimachinery's NewInvalid: 422 with one cause per error, and a message naming the kind (<c>Kind.group</c>, or just
    /// <c>Kind</c> in the core group) followed by the errors, one alone or several as <c>[e1, e2]</c> with repeats dropped.
    /// </summary>
    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<Validation.FieldError> errors)
    {
        var messages = errors.Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList();
        var aggregate = messages.Count == 1 ? messages[0] : $"[{string.Join(", ", messages)}]";
        return new(422, "Invalid", $"{QualifiedKind(type)} \"{name}\" is invalid: {aggregate}", name, type)
        {
            DetailsKind = type.Kind,
            Causes = errors,
        };
    }

    private static string QualifiedKind(ResourceType type) => type.Group.Length == 0 ? type.Kind : $"{type.Kind}.{type.Group}";

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>kube-apiserver's cap on a request body (maxRequestBodyBytes).</summary>
    public const int MaxRequestBodyBytes = 3 * 1024 * 1024;

    public static ApiException RequestEntityTooLarge() =>
        new(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxRequestBodyBytes}");

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException Gone(string message) => new(410, "Gone", message);

    public static ApiException Forbidden(string message) => new(403, "Forbidden", message);

    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml; got {contentType}");
}
