using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
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

    private static HttpOperationException Http(HttpStatusCode code, string body)
    {
        using var response = new HttpResponseMessage(code);
        return new HttpOperationException("failed") { Response = new HttpResponseMessageWrapper(response, body) };
    }

    [Fact]
    public void HttpOperationExceptionReadsStatusReasonFromBody()
    {
        var e = KubeApiErrors.Translate(Http(HttpStatusCode.Conflict, """{"kind":"Status","reason":"AlreadyExists","code":409}"""));
        Assert.Equal(KubeApiErrorKind.AlreadyExists, e!.Kind);
        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
    }

    [Fact]
    public void NonJsonBodyStillClassifiesByCode()
    {
        Assert.Equal(KubeApiErrorKind.NotFound, KubeApiErrors.Translate(Http(HttpStatusCode.NotFound, "<html>"))!.Kind);
    }

    [Fact]
    public void WatchStatusErrorMapsToGone()
    {
        var e = KubeApiErrors.Translate(new KubernetesException(new V1Status { Code = 410, Reason = "Expired" }));
        Assert.Equal(KubeApiErrorKind.Gone, e!.Kind);
    }

    [Fact]
    public void UnrelatedExceptionsAreNotTranslated() =>
        Assert.Null(KubeApiErrors.Translate(new IOException("reset")));

    [Fact]
    public async Task CallOrNullReturnsNullOnNotFoundAndThrowsTypedOtherwise()
    {
        Assert.Null(await KubeApiErrors.CallOrNullAsync<string>(() => throw Http(HttpStatusCode.NotFound, "{}")));
        var e = await Assert.ThrowsAsync<KubeApiException>(() => KubeApiErrors.CallAsync<string>(() => throw Http(HttpStatusCode.Conflict, "{}")));
        Assert.Equal(KubeApiErrorKind.Conflict, e.Kind);
    }
}
