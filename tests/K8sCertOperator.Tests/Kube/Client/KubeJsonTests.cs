using System.Text.Json;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Tests.Kube.Fakes;

namespace K8sCertOperator.Tests.Kube.Client;

/// <summary>The API serializer: generated metadata for our kinds, timestamps as the API server writes them, watch lines.</summary>
public sealed class KubeJsonTests
{
    [Theory]
    [InlineData("2026-04-02T03:04:05Z", "2026-04-02T03:04:05.0000000Z")]
    [InlineData("2026-04-02T03:04:05.123456Z", "2026-04-02T03:04:05.1234560Z")]
    [InlineData("2026-04-02T03:04:05.123456789Z", "2026-04-02T03:04:05.1234567Z")]
    [InlineData("2026-04-02T05:04:05+02:00", "2026-04-02T03:04:05.0000000Z")]
    public void Rfc3339TimestampsParseToUtc(string text, string expectedRoundTrip)
    {
        Assert.True(Rfc3339DateTimeConverter.TryParse(text, out var value));
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(expectedRoundTrip, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-04-02")]
    public void NonTimestampsAreRejected(string text) => Assert.False(Rfc3339DateTimeConverter.TryParse(text, out _));

    [Fact]
    public void ModelTimesKeepMicrosecondsAndOurStatusTimesAreWrittenToTheSecond()
    {
        var at = new DateTime(2026, 4, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var lease = new V1Lease { Metadata = new V1ObjectMeta { Name = "l" }, Spec = new V1LeaseSpec { RenewTime = at } };
        Assert.Contains("\"renewTime\":\"2026-04-02T03:04:05.678000Z\"", KubeJson.Serialize(lease), StringComparison.Ordinal);

        var certificate = new Certificate { Status = new CertificateStatus { NotAfter = at } };
        Assert.Contains("\"notAfter\":\"2026-04-02T03:04:05Z\"", KubeJson.Serialize(certificate), StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorTypesNeverFallBackToReflection()
    {
        // A type of ours that is not registered in KubeJsonContext must fail in JIT tests too, as it would in the native build.
        Assert.Throws<NotSupportedException>(() => KubeJson.Options.GetTypeInfo(typeof(ResourceDescriptor)));
        // Test fixtures from other assemblies are served by reflection where it is available.
        Assert.Equal("s", KubeJson.Clone(TestWidget.Create("ns", "w", "s")).Spec.Size);
    }

    [Fact]
    public void WatchLinesCarryTheirTypeAndObject()
    {
        var (type, secret) = WatchStream.Parse("""{"type":"MODIFIED","object":{"metadata":{"name":"tls","resourceVersion":"9"}}}""", KubeJson.TypeInfo<V1Secret>());
        Assert.Equal(WatchEventKind.Modified, type);
        Assert.Equal(("tls", "9"), (secret.Metadata.Name, secret.Metadata.ResourceVersion));
    }

    [Theory]
    [InlineData("""{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired"}}""", KubeApiErrorKind.Gone)]
    [InlineData("""{"type":"ERROR","object":{"kind":"Status","code":500,"reason":"InternalError"}}""", KubeApiErrorKind.Other)]
    [InlineData("""{"type":"SOMETHING","object":{}}""", KubeApiErrorKind.Other)]
    [InlineData("""{"object":{}}""", KubeApiErrorKind.Other)]
    [InlineData("""not json""", KubeApiErrorKind.Other)]
    public void BadOrErrorWatchLinesThrowTypedErrors(string line, KubeApiErrorKind kind)
    {
        var e = Assert.Throws<KubeApiException>(() => WatchStream.Parse(line, KubeJson.TypeInfo<V1Secret>()));
        Assert.Equal(kind, e.Kind);
    }
}
