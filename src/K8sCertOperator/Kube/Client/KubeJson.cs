using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// The serializer for API objects: <see cref="KubeJsonContext"/>'s generated metadata. Where the runtime
/// allows reflection (JIT builds), types from other assemblies — test fixtures — are served by reflection;
/// the operator's own types and the Kubernetes models never are, so a missing registration fails everywhere.
/// </summary>
public static class KubeJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"JSON 'null' where a {typeof(T).Name} was expected");

    /// <summary>Deep copy through a JSON round trip, so a mutation never reaches a cached object.</summary>
    public static T Clone<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        var info = TypeInfo<T>();
        return JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, info), info)!;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(KubeJsonContext.Default.Options);
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            options.TypeInfoResolverChain.Add(ForeignTypes());
        }
        options.MakeReadOnly();
        return options;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached when reflection serialization is enabled (JIT builds).")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached when reflection serialization is enabled (JIT builds).")]
    private static IJsonTypeInfoResolver ForeignTypes()
    {
        var reflection = new DefaultJsonTypeInfoResolver();
        var own = new HashSet<System.Reflection.Assembly> { typeof(KubeJson).Assembly, typeof(k8s.Models.V1ObjectMeta).Assembly };
        return new ForeignTypeResolver(reflection, own);
    }

    private sealed class ForeignTypeResolver(IJsonTypeInfoResolver inner, HashSet<System.Reflection.Assembly> own) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            IsForeign(type) ? inner.GetTypeInfo(type, options) : null;

        // Framework types (List<T>, Dictionary<,>) count as ours: the generated metadata must cover them.
        private bool IsForeign(Type type) =>
            (!own.Contains(type.Assembly) && !(type.Assembly.GetName().Name ?? "").StartsWith("System", StringComparison.Ordinal))
            || (type.IsGenericType && type.GetGenericArguments().Any(IsForeign));
    }
}
