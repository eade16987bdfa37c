using k8s.Models;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Pure decision on an existing Secret the operator did not make (no managed-by label): it is adopted only when it
/// is empty or already of type kubernetes.io/tls; anything else (an Opaque Secret with data, a docker config, a
/// token) may hold data someone needs, so the Certificate stops with Ready=False <c>SecretNotOwned</c> and the
/// Secret is not touched.
/// </summary>
public static class SecretAdoptionPolicy
{
    private const string OpaqueType = "Opaque";

    public static SecretAdoption Decide(V1Secret? secret)
    {
        if (secret is null || IsOperators(secret))
        {
            return SecretAdoption.Owned;
        }
        var name = secret.Metadata?.Name;
        var type = string.IsNullOrEmpty(secret.Type) ? OpaqueType : secret.Type;
        if (type == IssuedSecretBuilder.TlsType)
        {
            return SecretAdoption.Adopt($"Adopting existing Secret \"{name}\" of type {type}, which was not created by this operator; its other keys are kept");
        }
        var keys = (secret.Data?.Keys ?? []).Concat(secret.StringData?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0 && type == OpaqueType)
        {
            return SecretAdoption.Adopt($"Adopting existing empty Secret \"{name}\", which was not created by this operator");
        }
        var holds = keys.Count == 0 ? "no keys" : "keys " + string.Join(", ", keys.Take(10)) + (keys.Count > 10 ? ", …" : "");
        return SecretAdoption.Refuse(
            $"Secret \"{name}\" exists, was not created by this operator and is neither empty nor of type {IssuedSecretBuilder.TlsType} " +
            $"(type {type}, {holds}); it is left untouched. Delete it or choose another secretName");
    }

    /// <summary>Made (and labelled) by the operator's IssuedSecretBuilder.</summary>
    public static bool IsOperators(V1Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Metadata?.Labels?.TryGetValue(LabelKeys.ManagedBy, out var value) == true && value == LabelKeys.ManagedByValue;
    }
}
