using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;

/// <summary>Accounts, orders, authorizations, challenges and finalization.</summary>
internal sealed partial class AcmeDoubleServer
{
    private IResult NewAccount(HttpContext context, JsonObject jwk, JsonObject? payload)
    {
        var thumbprint = DoubleJws.Thumbprint(jwk);
        lock (_lock)
        {
            var existing = _accounts.FirstOrDefault(a => a.Thumbprint == thumbprint);
            if (existing is not null)
            {
                context.Response.Headers.Location = existing.Url;
                return Json(AccountJson(existing));
            }
            if (payload?["onlyReturnExisting"]?.GetValue<bool>() == true)
            {
                return Problem("accountDoesNotExist", "no account for this key");
            }
            var account = new DoubleAccount($"{Origin}/acct/{NextId()}", jwk, thumbprint);
            _accounts.Add(account);
            context.Response.Headers.Location = account.Url;
            return Json(AccountJson(account), StatusCodes.Status201Created);
        }
    }

    private IResult NewOrder(HttpContext context, DoubleAccount account, JsonObject? payload)
    {
        var identifiers = (payload?["identifiers"] as JsonArray ?? []).Select(i => i?["value"]?.GetValue<string>() ?? "").ToList();
        var profile = payload?["profile"]?.GetValue<string>();
        var replaces = payload?["replaces"]?.GetValue<string>();
        NewOrderRequests.Enqueue((identifiers, profile, replaces));
        if (identifiers.Count == 0 || identifiers.Any(i => i.Length == 0))
        {
            return Problem("malformed", "an order needs DNS identifiers");
        }
        if (profile is not null && !_options.Profiles.ContainsKey(profile))
        {
            return Problem("invalidProfile", $"profile '{profile}' is not offered");
        }
        lock (_lock)
        {
            var order = new DoubleOrder(NextId(), account, identifiers, profile ?? _options.DefaultProfile, replaces);
            foreach (var identifier in identifiers.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                order.Authorizations.Add(AuthorizationFor(account, identifier));
            }
            _orders[order.Id] = order;
            context.Response.Headers.Location = $"{Origin}/order/{order.Id}";
            return Json(OrderJson(order), StatusCodes.Status201Created);
        }
    }

    /// <summary>A fresh authorization, or the account's valid one for the same name when reuse is on. Called under the lock.</summary>
    private DoubleAuthorization AuthorizationFor(DoubleAccount account, string identifier)
    {
        var wildcard = identifier.StartsWith("*.", StringComparison.Ordinal);
        var name = (wildcard ? identifier[2..] : identifier).ToLowerInvariant();
        if (_options.ReuseValidAuthorizations
            && _authorizations.Values.FirstOrDefault(a => a.Account == account && a.Status == "valid" && a.Identifier == name && a.Wildcard == wildcard) is { } reused)
        {
            return reused;
        }
        var authz = new DoubleAuthorization(NextId(), name, wildcard, account);
        foreach (var type in _options.ChallengeTypes)
        {
            var token = type == "dns-persist-01" ? null : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
            var challenge = new DoubleChallenge(NextId(), type, token, authz);
            authz.Challenges.Add(challenge);
            _challenges[challenge.Id] = challenge;
        }
        _authorizations[authz.Id] = authz;
        return authz;
    }

    private IResult Answer(DoubleChallenge challenge, bool postAsGet)
    {
        lock (_lock)
        {
            if (postAsGet || challenge.Status != "pending" || challenge.Authorization.Status != "pending")
            {
                return Json(ChallengeJson(challenge));
            }
            challenge.Status = "processing";
        }
        _ = Task.Run(() => ValidateAsync(challenge));
        return Json(ChallengeJson(challenge));
    }

    private async Task ValidateAsync(DoubleChallenge challenge)
    {
        string? problem;
        try
        {
            problem = await DoubleValidator.ValidateAsync(challenge, _options.IssuerDomainNames, _queryTxt, DateTimeOffset.UtcNow, _stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problem = "DNS lookup failed: " + e.Message;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_lock)
        {
            challenge.Status = problem is null ? "valid" : "invalid";
            challenge.ErrorDetail = problem;
            challenge.Authorization.Status = challenge.Status;
        }
    }

    private IResult Finalize(DoubleOrder order, JsonObject? payload)
    {
        lock (_lock)
        {
            if (order.Status != "ready")
            {
                return Problem("orderNotReady", $"order is {order.Status}", StatusCodes.Status403Forbidden);
            }
            try
            {
                var csr = Base64Url.DecodeFromChars(payload?["csr"]?.GetValue<string>() ?? "");
                var certificate = _ca.Issue(csr, order.Identifiers, _options.Profiles[order.Profile]);
                order.CertificateId = NextId();
                _certificates[order.CertificateId] = certificate;
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException or FormatException)
            {
                return Problem("badCSR", e.Message);
            }
            return Json(OrderJson(order));
        }
    }

    private static JsonObject AccountJson(DoubleAccount account) => new() { ["status"] = "valid", ["orders"] = account.Url + "/orders" };

    private JsonObject OrderJson(DoubleOrder order)
    {
        var json = new JsonObject
        {
            ["status"] = order.Status,
            ["expires"] = DateTimeOffset.UtcNow.AddDays(7).ToString("O"),
            ["identifiers"] = new JsonArray([.. order.Identifiers.Select(i => (JsonNode?)new JsonObject { ["type"] = "dns", ["value"] = i })]),
            ["authorizations"] = new JsonArray([.. order.Authorizations.Select(a => (JsonNode?)$"{Origin}/authz/{a.Id}")]),
            ["finalize"] = $"{Origin}/order/{order.Id}/finalize",
            ["profile"] = order.Profile,
        };
        if (order.CertificateId is not null)
        {
            json["certificate"] = $"{Origin}/cert/{order.CertificateId}";
        }
        if (order.Replaces is not null)
        {
            json["replaces"] = order.Replaces;
        }
        return json;
    }

    private JsonObject AuthorizationJson(DoubleAuthorization authz)
    {
        var json = new JsonObject
        {
            ["status"] = authz.Status,
            ["expires"] = DateTimeOffset.UtcNow.AddDays(7).ToString("O"),
            ["identifier"] = new JsonObject { ["type"] = "dns", ["value"] = authz.Identifier },
            ["challenges"] = new JsonArray([.. authz.Challenges.Select(c => (JsonNode?)ChallengeJson(c))]),
        };
        if (authz.Wildcard)
        {
            json["wildcard"] = true;
        }
        return json;
    }

    private JsonObject ChallengeJson(DoubleChallenge challenge)
    {
        var json = new JsonObject { ["type"] = challenge.Type, ["url"] = $"{Origin}/chall/{challenge.Id}", ["status"] = challenge.Status };
        if (challenge.Token is not null)
        {
            json["token"] = challenge.Token;
        }
        if (challenge.Type == "dns-persist-01")
        {
            json["issuer-domain-names"] = new JsonArray([.. _options.IssuerDomainNames.Select(n => (JsonNode?)n)]);
        }
        if (challenge.ErrorDetail is not null)
        {
            json["error"] = new JsonObject { ["type"] = "urn:ietf:params:acme:error:unauthorized", ["detail"] = challenge.ErrorDetail, ["status"] = 403 };
        }
        return json;
    }
}
