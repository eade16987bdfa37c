using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// kube-apiserver's ValidateSecret and ValidateSecretUpdate (pkg/apis/core/validation): data keys, the 1 MiB data
/// limit, the keys each well-known type requires, and what an update may not change.
/// </summary>
public static class SecretValidation
{
    /// <summary>core.MaxSecretSize.</summary>
    public const int MaxSecretBytes = 1024 * 1024;

    public static List<FieldError> Validate(JsonObject secret)
    {
        var errors = new List<FieldError>();
        var data = secret["data"] as JsonObject ?? [];
        var total = 0;
        foreach (var (key, value) in data)
        {
            errors.AddRange(NameRules.ConfigKey(key).Select(m => FieldError.Invalid($"data[{key}]", key, m)));
            total += Decoded(value)?.Length ?? 0;
        }
        if (total > MaxSecretBytes)
        {
            errors.Add(FieldError.TooLongBytes("data", MaxSecretBytes));
        }
        switch ((string?)secret["type"] ?? "")
        {
            case "kubernetes.io/service-account-token":
                if (string.IsNullOrEmpty((string?)secret["metadata"]?["annotations"]?["kubernetes.io/service-account.name"]))
                {
                    errors.Add(FieldError.Required("metadata.annotations[kubernetes.io/service-account.name]"));
                }
                break;
            case "kubernetes.io/dockercfg":
                RequireJson(data, ".dockercfg", errors);
                break;
            case "kubernetes.io/dockerconfigjson":
                RequireJson(data, ".dockerconfigjson", errors);
                break;
            case "kubernetes.io/basic-auth" when !data.ContainsKey("username") && !data.ContainsKey("password"):
                errors.Add(FieldError.Required("data[username]"));
                errors.Add(FieldError.Required("data[password]"));
                break;
            case "kubernetes.io/ssh-auth" when (Decoded(data["ssh-privatekey"])?.Length ?? 0) == 0:
                errors.Add(FieldError.Required("data[ssh-privatekey]"));
                break;
            case "kubernetes.io/tls":
                if (!data.ContainsKey("tls.crt"))
                {
                    errors.Add(FieldError.Required("data[tls.crt]"));
                }
                if (!data.ContainsKey("tls.key"))
                {
                    errors.Add(FieldError.Required("data[tls.key]"));
                }
                break;
        }
        return errors;
    }

    /// <summary>ValidateSecretUpdate: the type never changes, and an immutable Secret keeps its data and stays immutable.</summary>
    public static List<FieldError> ValidateUpdate(JsonObject next, JsonObject current)
    {
        var errors = new List<FieldError>();
        var type = (string?)next["type"] ?? "";
        if (type != ((string?)current["type"] ?? ""))
        {
            errors.Add(FieldError.Invalid("type", type, "field is immutable"));
        }
        if (current["immutable"] is JsonValue wasImmutable && wasImmutable.TryGetValue<bool>(out var locked) && locked)
        {
            if (!(next["immutable"] is JsonValue isImmutable && isImmutable.TryGetValue<bool>(out var still) && still))
            {
                errors.Add(FieldError.Forbidden("immutable", "field is immutable when `immutable` is set"));
            }
            if (!JsonNode.DeepEquals(next["data"], current["data"]))
            {
                errors.Add(FieldError.Forbidden("data", "field is immutable when `immutable` is set"));
            }
        }
        return errors;
    }

    private static void RequireJson(JsonObject data, string key, List<FieldError> errors)
    {
        if (!data.ContainsKey(key))
        {
            errors.Add(FieldError.Required($"data[{key}]"));
            return;
        }
        try
        {
            if (JsonNode.Parse(Encoding.UTF8.GetString(Decoded(data[key]) ?? [])) is not JsonObject)
            {
                errors.Add(FieldError.Invalid($"data[{key}]", "<secret contents redacted>", "json: cannot unmarshal into Go value of type map[string]interface {}"));
            }
        }
        catch (JsonException failure)
        {
            errors.Add(FieldError.Invalid($"data[{key}]", "<secret contents redacted>", failure.Message));
        }
    }

    private static byte[]? Decoded(JsonNode? value)
    {
        var text = (string?)value;
        if (text is null)
        {
            return null;
        }
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : Encoding.UTF8.GetBytes(text);
    }
}
