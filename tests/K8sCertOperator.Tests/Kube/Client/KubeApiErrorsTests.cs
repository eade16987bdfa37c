using System.Net;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Tests.Kube.Client;

public class KubeApiErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, null, KubeApiErrorKind.NotFound)]
    [InlineData(HttpStatusCode.Conflict, "Conflict", KubeApiErrorKind.Conflict)]
    [InlineData(HttpStatusCode.Conflict, null, KubeApiErrorKind.Conflict)]
    [InlineData(HttpStatusCode.Conflict, "AlreadyExists", KubeApiErrorKind.AlreadyExists)]
    [InlineData(HttpStatusCode.Gone, "Expired", KubeApiErrorKind.Gone)]
    [InlineData(HttpStatusCode.InternalServerError, null, KubeApiErrorKind.Other)]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden", KubeApiErrorKind.Other)]
    public void Classify(HttpStatusCode code, string? reason, KubeApiErrorKind expected) =>
        Assert.Equal(expected, KubeApiErrors.Classify(code, reason));

    private static HttpResponseMessage Response(HttpStatusCode code, string body) => new(code) { Content = new StringContent(body) };

    [Fact]
    public async Task ErrorResponsesCarryKindReasonAndTheServersMessage()
    {
        using var response = Response(HttpStatusCode.Forbidden,
            """{"kind":"Status","status":"Failure","reason":"Forbidden","message":"secrets \"x\" is forbidden: no RBAC rule","code":403}""");
        var e = await Assert.ThrowsAsync<KubeApiException>(() => KubeApiErrors.EnsureSuccessAsync(response, default));
        Assert.Equal((KubeApiErrorKind.Other, HttpStatusCode.Forbidden), (e.Kind, e.StatusCode));
        Assert.Equal("Kubernetes API returned 403 Forbidden: secrets \"x\" is forbidden: no RBAC rule", e.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, """{"kind":"Status","reason":"AlreadyExists","code":409}""", KubeApiErrorKind.AlreadyExists)]
    [InlineData(HttpStatusCode.NotFound, "<html>", KubeApiErrorKind.NotFound)]
    [InlineData(HttpStatusCode.Gone, "", KubeApiErrorKind.Gone)]
    public async Task NonJsonOrEmptyBodiesStillClassifyByCode(HttpStatusCode code, string body, KubeApiErrorKind kind)
    {
        using var response = Response(code, body);
        Assert.Equal(kind, (await Assert.ThrowsAsync<KubeApiException>(() => KubeApiErrors.EnsureSuccessAsync(response, default))).Kind);
    }

    [Fact]
    public async Task SuccessIsNotAnError()
    {
        using var response = Response(HttpStatusCode.OK, "{}");
        await KubeApiErrors.EnsureSuccessAsync(response, default);
        Assert.True(response.IsSuccessStatusCode);
    }
}
