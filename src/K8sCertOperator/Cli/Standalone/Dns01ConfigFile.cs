using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K8sCertOperator.Solvers.Dns01.Cloudflare;
using K8sCertOperator.Solvers.Dns01.Config;
using K8sCertOperator.Solvers.Dns01.Route53;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// Reads `certify --dns01-config FILE`: <c>{"provider": "...", "settings": {...}}</c>. Credentials are
/// never inline: settings name files (<c>...File</c> keys, relative to the config file's folder) that
/// hold them, so the config itself can be shown, logged or committed.
/// </summary>
public static class Dns01ConfigFile
{
    /// <summary>Keys that would carry a secret inline; each has a <c>...File</c> counterpart.</summary>
    private static readonly string[] InlineSecretKeys = ["apiToken", "apiKey", "secretAccessKey", "sessionToken", "tsigSecret"];

    /// <summary>Settings each provider understands; anything else is most likely a typo and is refused.</summary>
    private static readonly Dictionary<string, string[]> KnownKeys = new(StringComparer.Ordinal)
    {
        [Dns01ProviderNames.Rfc2136] = ["nameserver", "tsigKeyName", "tsigAlgorithm", "tsigSecretFile"],
        [Dns01ProviderNames.Cloudflare] = ["apiTokenFile", "email", "apiKeyFile", "baseUrl"],
        [Dns01ProviderNames.Route53] = ["accessKeyId", "secretAccessKeyFile", "sessionTokenFile", "region", "hostedZoneId", "baseUrl"],
        [Dns01ProviderNames.Webhook] = ["groupName", "solverName", "namespace", "config", "kubeconfig"],
    };

    /// <summary>Reads and parses <paramref name="path"/>; throws <see cref="Dns01ConfigFileException"/> on any problem.</summary>
    public static Dns01FileConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Dns01ConfigFileException($"cannot read {path}: {e.Message}", e);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Parse(json, folder);
    }

    /// <summary>Parses the JSON text; secret files are resolved against <paramref name="baseDirectory"/>.</summary>
    public static Dns01FileConfig Parse(string json, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new Dns01ConfigFileException("the file must hold a JSON object: {\"provider\": \"...\", \"settings\": {...}}");
        }
        catch (JsonException e)
        {
            // JsonException messages quote position, not content, so no secret can leak through them.
            throw new Dns01ConfigFileException($"not valid JSON: {e.Message}", e);
        }
        var provider = RequiredString(root, "provider", "").ToLowerInvariant();
        var settings = root["settings"] switch
        {
            null => new JsonObject(),
            JsonObject o => o,
            _ => throw new Dns01ConfigFileException("settings must be a JSON object"),
        };
        if (!KnownKeys.TryGetValue(provider, out var known))
        {
            throw new Dns01ConfigFileException(
                $"unknown provider '{provider}'; use one of {string.Join(", ", KnownKeys.Keys)}");
        }
        foreach (var key in InlineSecretKeys.Where(settings.ContainsKey))
        {
            throw new Dns01ConfigFileException($"settings.{key}: secrets are not accepted inline; put the value in a file and give its path as settings.{key}File");
        }
        var unknown = settings.Select(p => p.Key).Where(k => !known.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new Dns01ConfigFileException($"unknown setting(s) for {provider}: {string.Join(", ", unknown)} (known: {string.Join(", ", known)})");
        }
        var reader = new SettingsReader(settings, baseDirectory);
        return provider switch
        {
            Dns01ProviderNames.Rfc2136 => Rfc2136(reader),
            Dns01ProviderNames.Cloudflare => Cloudflare(reader),
            Dns01ProviderNames.Route53 => Route53(reader),
            _ => Webhook(reader),
        };
    }

    private static Dns01FileConfig Rfc2136(SettingsReader s)
    {
        var nameserver = s.Required("nameserver");
        var keyName = s.Optional("tsigKeyName");
        var algorithm = s.Optional("tsigAlgorithm") ?? "hmac-sha256";
        try
        {
            TsigAlgorithmNames.Parse(algorithm);
        }
        catch (ArgumentException e)
        {
            throw new Dns01ConfigFileException("settings.tsigAlgorithm: " + e.Message.Split(" (Parameter", 2)[0], e);
        }
        var secretFile = s.Optional("tsigSecretFile");
        if ((keyName is null) != (secretFile is null))
        {
            throw new Dns01ConfigFileException("settings.tsigKeyName and settings.tsigSecretFile go together: give both for signed updates, or neither");
        }
        byte[]? secret = null;
        if (secretFile is not null)
        {
            try
            {
                secret = Convert.FromBase64String(s.ReadSecretFile("tsigSecretFile"));
            }
            catch (FormatException e)
            {
                throw new Dns01ConfigFileException("settings.tsigSecretFile: the file does not hold a base64 TSIG secret", e);
            }
        }
        return new Dns01FileConfig(Dns01ProviderNames.Rfc2136, new Rfc2136Settings(nameserver, keyName, algorithm, secret));
    }

    private static Dns01FileConfig Cloudflare(SettingsReader s)
    {
        var baseUri = s.OptionalUri("baseUrl");
        CloudflareSettings settings;
        if (s.Optional("apiTokenFile") is not null)
        {
            settings = new CloudflareSettings(ApiToken: s.ReadSecretFile("apiTokenFile"));
        }
        else if (s.Optional("apiKeyFile") is not null)
        {
            settings = new CloudflareSettings(Email: s.Required("email"), ApiKey: s.ReadSecretFile("apiKeyFile"));
        }
        else
        {
            throw new Dns01ConfigFileException("cloudflare needs settings.apiTokenFile, or settings.email with settings.apiKeyFile");
        }
        return new Dns01FileConfig(Dns01ProviderNames.Cloudflare, baseUri is null ? settings : settings with { BaseUri = baseUri });
    }

    private static Dns01FileConfig Route53(SettingsReader s)
    {
        var credentials = new AwsCredentials(
            s.Required("accessKeyId"),
            s.ReadSecretFile("secretAccessKeyFile"),
            s.Optional("sessionTokenFile") is null ? null : s.ReadSecretFile("sessionTokenFile"));
        var settings = new Route53Settings(credentials, s.Optional("region") ?? "us-east-1", s.Optional("hostedZoneId"));
        var baseUri = s.OptionalUri("baseUrl");
        return new Dns01FileConfig(Dns01ProviderNames.Route53, baseUri is null ? settings : settings with { BaseUri = baseUri });
    }

    private static Dns01FileConfig Webhook(SettingsReader s)
    {
        var settings = new WebhookSettings(
            s.Required("groupName"),
            s.Required("solverName"),
            s.Optional("namespace") ?? "default",
            DnsName: "",
            Config: s.OptionalObject("config"));
        return new Dns01FileConfig(Dns01ProviderNames.Webhook, settings, s.Optional("kubeconfig"));
    }

    private static string RequiredString(JsonObject o, string key, string prefix) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : throw new Dns01ConfigFileException($"{prefix}{key} is required (a non-empty string)");

    /// <summary>Typed reads of the settings object with messages that name the key.</summary>
    private sealed class SettingsReader(JsonObject settings, string baseDirectory)
    {
        public string Required(string key) => RequiredString(settings, key, "settings.");

        public string? Optional(string key)
        {
            return settings[key] switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
                _ => throw new Dns01ConfigFileException($"settings.{key} must be a string"),
            };
        }

        public Uri? OptionalUri(string key) =>
            Optional(key) is not { } text
                ? null
                : Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                    ? uri
                    : throw new Dns01ConfigFileException($"settings.{key} must be an absolute http(s) URL");

        public JsonNode? OptionalObject(string key)
        {
            return settings[key] switch
            {
                null => null,
                JsonObject o => o.DeepClone(),
                _ => throw new Dns01ConfigFileException($"settings.{key} must be a JSON object"),
            };
        }

        /// <summary>The trimmed contents of the file named by <paramref name="key"/>; the value never appears in messages.</summary>
        public string ReadSecretFile(string key)
        {
            var name = Required(key);
            var path = Path.IsPathRooted(name) ? name : Path.Combine(baseDirectory, name);
            string text;
            try
            {
                text = File.ReadAllText(path, Encoding.UTF8).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new Dns01ConfigFileException($"settings.{key}: cannot read {path}: {e.Message}", e);
            }
            return text.Length > 0 ? text : throw new Dns01ConfigFileException($"settings.{key}: {path} is empty");
        }
    }
}
