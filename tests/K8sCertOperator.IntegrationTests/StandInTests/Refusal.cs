using System.Text.Json.Nodes;
using k8s.Autorest;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>The Status body of a call the API server refused.</summary>
public static class Refusal
{
    /// <summary>Runs the call, which must fail with an HTTP error, and returns the Status it answered with.</summary>
    public static async Task<JsonObject> StatusOfAsync(Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<HttpOperationException>(call);
        var status = JsonNode.Parse(failure.Response.Content) as JsonObject;
        Assert.NotNull(status);
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal((int)failure.Response.StatusCode, (int?)status["code"]);
        return status;
    }

    /// <summary>Asserts a 422 Invalid with this message and returns the causes as (reason, field, message).</summary>
    public static async Task<IReadOnlyList<(string? Reason, string? Field, string? Message)>> InvalidAsync(Func<Task> call, string message)
    {
        var status = await StatusOfAsync(call);
        Assert.Equal(AcrossVersions(message), AcrossVersions((string?)status["message"]));
        Assert.Equal(("Failure", "Invalid", 422), ((string?)status["status"], (string?)status["reason"], (int?)status["code"]));
        return (status["details"]?["causes"] as JsonArray ?? [])
            .Select(c => ((string?)c?["reason"], (string?)c?["field"], AcrossVersions((string?)c?["message"])))
            .ToList();
    }

    /// <summary>
    /// A CEL refusal names the failing object as <c>Invalid value: "object"</c> on kube-apiserver 1.28; newer servers omit
    /// structured values from the message (apiextensions-apiserver's fieldErrorForReason). The suite runs on both, so
    /// that one segment is compared without the value; every other word must match.
    /// </summary>
    public static string? AcrossVersions(string? message) =>
        message?.Replace("Invalid value: \"object\": ", "Invalid value: ", StringComparison.Ordinal);
}
