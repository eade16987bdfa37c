using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Cli.Ops;

/// <summary>Human rendering of <see cref="CertificateStatusReport"/>: a block of fields, then tables.</summary>
public static class CertificateStatusText
{
    public static string Render(JsonObject report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        void Line(string label, JsonNode? value) => text.Append(CultureInfo.InvariantCulture, $"{label,-18}{SecretInspection.Flatten(value)}\n");
        // The API is named only when it is not the operator's own (--api-mode cert-manager or auto).
        var api = report["api"]?.GetValue<string>() is { } group && group != Api.ApiGroups.Cert ? $" ({group})" : "";
        Line("Certificate:", $"{report["namespace"]}/{report["name"]}{api}");
        Line("Issuer:", report["issuer"]);
        Line("DNS names:", report["dnsNames"]);
        foreach (var condition in report["conditions"]!.AsArray())
        {
            Line(condition!["type"] + ":", $"{condition["status"]} ({condition["reason"]}) {condition["message"]}".TrimEnd());
        }
        Line("Not before:", report["notBefore"]);
        Line("Not after:", report["notAfter"]);
        Line("Renewal time:", report["renewalTime"]);
        Line("Revision:", report["revision"]);
        if (report["failedIssuanceAttempts"] is { } failures)
        {
            Line("Failed attempts:", $"{failures} (last {SecretInspection.Flatten(report["lastFailureTime"])})");
        }
        var secret = report["secret"]!.AsObject();
        if (secret["exists"]!.GetValue<bool>())
        {
            Line("Secret:", $"{secret["name"]}, serial {SecretInspection.Flatten(secret["serial"])}, {SecretInspection.Flatten(secret["publicKey"])}, key matches: {SecretInspection.Flatten(secret["keyMatchesCertificate"])}");
        }
        else
        {
            Line("Secret:", $"{secret["name"]} (missing)");
        }
        if (report["request"] is JsonObject request)
        {
            Line("Request:", $"{request["name"]} {Verdict(request)}");
        }
        if (report["order"] is JsonObject order)
        {
            Line("Order:", $"{order["name"]} state={order["state"]}{(order["reason"] is { } r ? " reason=" + r : "")}");
            foreach (var challenge in order["challenges"]!.AsArray())
            {
                Line("  Challenge:", $"{challenge!["dnsName"]} {challenge["type"]} state={challenge["state"]}{(challenge["reason"] is { } cr ? " reason=" + cr : "")}");
                if (challenge["dnsRecord"] is { } record)
                {
                    Line("    Record:", record.ToString());
                }
            }
        }
        var events = report["events"]!.AsArray();
        if (events.Count == 0)
        {
            Line("Events:", null);
        }
        else
        {
            text.Append("Events:\n");
            text.Append(CultureInfo.InvariantCulture, $"  {"TYPE",-8} {"OBJECT",-34} {"REASON",-20} {"COUNT",-6} MESSAGE\n");
            foreach (var e in events)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {e!["type"],-8} {e["object"],-34} {e["reason"],-20} {SecretInspection.Flatten(e["count"]),-6} {e["message"]}\n");
            }
        }
        return text.ToString();
    }

    /// <summary>"approved, ready (Issued)", "denied (Reason): message", "waiting for approval", ...</summary>
    private static string Verdict(JsonObject request)
    {
        static string Of(JsonNode? c) => $"({c!["reason"]}){(c["message"] is { } m ? ": " + m : "")}";
        if (request["denied"] is JsonObject denied && denied["status"]?.GetValue<string>() == "True")
        {
            return "denied " + Of(denied);
        }
        if (request["approved"] is null)
        {
            return "waiting for approval";
        }
        var ready = request["ready"] as JsonObject;
        return ready is null ? "approved, not yet signed"
            : ready["status"]?.GetValue<string>() == "True" ? "approved, signed " + Of(ready)
            : "approved, not signed " + Of(ready);
    }
}
