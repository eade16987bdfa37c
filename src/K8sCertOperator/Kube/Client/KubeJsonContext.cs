using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// Compile-time JSON metadata for every object the operator sends to or reads from the API server, so no
/// serializer code is generated at run time (the image is NativeAOT). A type missing here fails in the
/// unit tests as well, since <see cref="KubeJson"/> never falls back to reflection for the operator's types.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(Rfc3339DateTimeConverter)])]
[JsonSerializable(typeof(Certificate))]
[JsonSerializable(typeof(KubeList<Certificate>))]
[JsonSerializable(typeof(Issuer))]
[JsonSerializable(typeof(KubeList<Issuer>))]
[JsonSerializable(typeof(ClusterIssuer))]
[JsonSerializable(typeof(KubeList<ClusterIssuer>))]
[JsonSerializable(typeof(CertificateRequest))]
[JsonSerializable(typeof(KubeList<CertificateRequest>))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(KubeList<Order>))]
[JsonSerializable(typeof(Challenge))]
[JsonSerializable(typeof(KubeList<Challenge>))]
[JsonSerializable(typeof(AcmeChallengeSolver))]
[JsonSerializable(typeof(List<Condition>))]
[JsonSerializable(typeof(CertificateNameConstraints))]
[JsonSerializable(typeof(CertificateRenewal))]
[JsonSerializable(typeof(CertificateRenewalWindow))]
[JsonSerializable(typeof(NameConstraintItems))]
[JsonSerializable(typeof(CertificateOtherName))]
[JsonSerializable(typeof(Gateway))]
[JsonSerializable(typeof(KubeList<Gateway>))]
[JsonSerializable(typeof(ListenerSet))]
[JsonSerializable(typeof(KubeList<ListenerSet>))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(KubeList<V1Secret>))]
[JsonSerializable(typeof(V1Ingress))]
[JsonSerializable(typeof(KubeList<V1Ingress>))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(KubeList<V1Service>))]
[JsonSerializable(typeof(HttpRoute))]
[JsonSerializable(typeof(KubeList<HttpRoute>))]
[JsonSerializable(typeof(ReferenceGrant))]
[JsonSerializable(typeof(KubeList<ReferenceGrant>))]
[JsonSerializable(typeof(V1Lease))]
[JsonSerializable(typeof(KubeList<V1Lease>))]
[JsonSerializable(typeof(Corev1Event))]
[JsonSerializable(typeof(KubeList<Corev1Event>))]
[JsonSerializable(typeof(PartialObjectMetadata))]
[JsonSerializable(typeof(KubeList<PartialObjectMetadata>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class KubeJsonContext : JsonSerializerContext
{
}
