using System.Text.RegularExpressions;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>
/// What the operator calls on the API server. <see cref="Used"/> is maintained by hand (generic helpers,
/// and owner references cannot be read off a call site);
/// <see cref="Scan"/> reads the call sites in src/ so a new call that the table misses fails a test.
/// </summary>
internal static partial class RbacUsage
{
    private const string Cert = "k8scert.io";
    private const string Acme = "acme.k8scert.io";

    /// <summary>IResourceApi property (OperatorApis / CoreResourceApis) to (group, resource, scope).</summary>
    public static readonly IReadOnlyDictionary<string, (string Group, string Resource, string Scope)> Resources =
        new Dictionary<string, (string, string, string)>
        {
            ["Certificates"] = (Cert, "certificates", Permission.Cluster),
            ["Issuers"] = (Cert, "issuers", Permission.Cluster),
            ["ClusterIssuers"] = (Cert, "clusterissuers", Permission.Cluster),
            ["CertificateRequests"] = (Cert, "certificaterequests", Permission.Cluster),
            ["Orders"] = (Acme, "orders", Permission.Cluster),
            ["Challenges"] = (Acme, "challenges", Permission.Cluster),
            ["Secrets"] = ("", "secrets", Permission.Cluster),
            ["Events"] = ("", "events", Permission.Cluster),
            // HTTP-01 solver Ingresses and their ExternalName Services live next to each Challenge (any namespace).
            ["Ingresses"] = ("networking.k8s.io", "ingresses", Permission.Cluster),
            ["Services"] = ("", "services", Permission.Cluster),
            // gatewayHTTPRoute solver: HTTPRoutes next to each Challenge; ReferenceGrants only in the operator's namespace.
            ["HttpRoutes"] = ("gateway.networking.k8s.io", "httproutes", Permission.Cluster),
            ["ReferenceGrants"] = ("gateway.networking.k8s.io", "referencegrants", Permission.Namespaced),
            // gateway-shim: Gateways and ListenerSets in the watch scope.
            ["Gateways"] = ("gateway.networking.k8s.io", "gateways", Permission.Cluster),
            ["ListenerSets"] = ("gateway.networking.k8s.io", "listenersets", Permission.Cluster),
            // The Lease only ever lives in the operator's own namespace.
            ["Leases"] = ("coordination.k8s.io", "leases", Permission.Namespaced),
        };

    /// <summary>
    /// Constructor-injected IResourceApi fields: (file name, field) to the OperatorApis properties passed in
    /// (see IssuerControllerRegistration, ClusterIssuerControllerRegistration, AcmeAccountRegistry, OperatorHost,
    /// LeaseLeaderElection).
    /// </summary>
    private static readonly Dictionary<(string File, string Field), string[]> InjectedFields = new()
    {
        [("IssuerReconciler.cs", "_api")] = ["Issuers", "ClusterIssuers"],
        [("AcmeAccountKeyStore.cs", "_secrets")] = ["Secrets"],
        [("EventRecorder.cs", "_events")] = ["Events"],
        [("KubeLeaseStore.cs", "_leases")] = ["Leases"],
        // Generic helpers over the HTTP-01 solver pieces.
        [("SolverPieceWriter.cs", "api")] = ["Ingresses", "Services", "HttpRoutes", "ReferenceGrants"],
        [("ChallengeOrphanSweeper.cs", "api")] = ["Ingresses", "Services", "HttpRoutes", "ReferenceGrants"],
    };

    /// <summary>Every (scope, group, resource, verb) the code uses. Keep in step with src/ (Scan checks it).</summary>
    public static IReadOnlySet<Permission> Used { get; } = BuildUsed();

    private static HashSet<Permission> BuildUsed()
    {
        var used = new HashSet<Permission>();
        void Add(string api, string subresource, params string[] verbs)
        {
            var (group, resource, scope) = Resources[api];
            foreach (var verb in verbs)
            {
                used.Add(new Permission(scope, group, resource + subresource, verb));
            }
        }

        // Informers list+watch every CRD and the managed Secrets; StatusWriter PUTs /status and re-reads on conflict.
        // CertificateRequests: the approver and the signer write status; the Certificate controller creates and prunes them.
        foreach (var crd in new[] { "Certificates", "Issuers", "ClusterIssuers", "CertificateRequests", "Orders", "Challenges" })
        {
            Add(crd, "", "get", "list", "watch");
            Add(crd, "/status", "update");
        }
        Add("Orders", "", "create", "delete");
        Add("CertificateRequests", "", "create", "delete");
        Add("Challenges", "", "create", "patch", "delete");   // patch: status keys + FinalizerHelper
        // blockOwnerDeletion=true owner references: CertificateRequests and key Secrets -> Certificate,
        // Orders -> CertificateRequest, Challenges -> Order.
        Add("Certificates", "/finalizers", "update");
        Add("CertificateRequests", "/finalizers", "update");
        Add("Orders", "/finalizers", "update");
        Add("Secrets", "", "get", "list", "watch", "create", "update", "delete");
        Add("Events", "", "create", "patch");
        // HTTP-01 solver pieces (created, replaced when stale, deleted; watched and swept by label).
        Add("Ingresses", "", "get", "list", "watch", "create", "update", "delete");
        Add("Services", "", "get", "list", "watch", "create", "update", "delete");
        // gatewayHTTPRoute solver pieces: written and re-read by name, swept by label; never watched.
        Add("HttpRoutes", "", "get", "list", "create", "update", "delete");
        Add("ReferenceGrants", "", "get", "list", "create", "update", "delete");
        // ingress-shim: Certificates from annotated Ingresses; every Ingress in the watch scope is watched.
        Add("Certificates", "", "create", "update", "delete");
        // gateway-shim: Gateways and ListenerSets are only watched (informers), never read by name or written.
        Add("Gateways", "", "list", "watch");
        Add("ListenerSets", "", "list", "watch");
        // The revoke-on-delete controller adds and removes its finalizer with a merge patch.
        Add("Certificates", "", "patch");
        // Leader election (KubeLeaseStore): get, create, replace with resourceVersion.
        Add("Leases", "", "get", "create", "update");
        return used;
    }

    /// <summary>The grants implied by the call sites found in the source tree.</summary>
    public static IReadOnlySet<Permission> Scan(string sourceRoot)
    {
        var found = new HashSet<Permission>();
        foreach (var file in Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories))
        {
            // The CLI runs with the user's kubeconfig, not the operator's ServiceAccount.
            if (Path.GetRelativePath(sourceRoot, file).StartsWith("Cli" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }
            var text = File.ReadAllText(file);
            var receivers = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (Match alias in AliasPattern().Matches(text))
            {
                receivers[alias.Groups["var"].Value] = [alias.Groups["api"].Value];
            }
            foreach (var ((fileName, field), apis) in InjectedFields)
            {
                if (Path.GetFileName(file) == fileName)
                {
                    receivers[field] = apis;
                }
            }

            foreach (Match call in DirectCallPattern().Matches(text))
            {
                AddCall(found, [call.Groups["api"].Value], call.Groups["method"].Value);
            }
            foreach (Match call in ReceiverCallPattern().Matches(text))
            {
                if (receivers.TryGetValue(call.Groups["recv"].Value, out var apis))
                {
                    AddCall(found, apis, call.Groups["method"].Value);
                }
            }
            foreach (Match call in StatusWriterPattern().Matches(text))
            {
                var apis = Resolve(call.Groups["arg"].Value, receivers);
                AddCall(found, apis, "ReplaceStatus");
                AddCall(found, apis, "Get");
            }
            foreach (Match call in FinalizerPattern().Matches(text))
            {
                var apis = Resolve(call.Groups["arg"].Value, receivers);
                AddCall(found, apis, "Patch");
                AddCall(found, apis, "Get");
            }
            foreach (Match informer in InformerPattern().Matches(text))
            {
                // An informer limited to the operator's namespace needs a Role; any other (all namespaces
                // or --watch-namespace) needs the ClusterRole.
                var scope = informer.Groups["opts"].Value.Contains("options.Namespace", StringComparison.Ordinal) ? Permission.Namespaced : Permission.Cluster;
                AddCall(found, [informer.Groups["api"].Value], "List", scope);
                AddCall(found, [informer.Groups["api"].Value], "Watch", scope);
            }
        }
        return found;
    }

    // "_context.Apis.Orders" -> Orders; "_api" -> the injected field's APIs.
    private static string[] Resolve(string argument, Dictionary<string, string[]> receivers)
    {
        var apisAt = argument.LastIndexOf("pis.", StringComparison.Ordinal) - 1;
        if (apisAt >= 0 && argument[apisAt] is 'A' or 'a')
        {
            return [argument[(apisAt + "Apis.".Length)..]];
        }
        return receivers.TryGetValue(argument, out var apis) ? apis : [];
    }

    private static void AddCall(HashSet<Permission> found, string[] apis, string method, string? scope = null)
    {
        foreach (var api in apis)
        {
            if (!Resources.TryGetValue(api, out var r))
            {
                continue;
            }
            var (sub, verb) = method switch
            {
                "List" => ("", "list"),
                "Watch" => ("", "watch"),
                "Get" => ("", "get"),
                "Create" => ("", "create"),
                "Replace" => ("", "update"),
                "ReplaceStatus" => ("/status", "update"),
                "Patch" => ("", "patch"),
                "PatchStatus" => ("/status", "patch"),
                "Delete" => ("", "delete"),
                _ => throw new InvalidOperationException(method),
            };
            found.Add(new Permission(scope ?? r.Scope, r.Group, r.Resource + sub, verb));
        }
    }

    // var api = _context.Apis.Ingresses;
    [GeneratedRegex(@"\b(?:var\s+)?(?<var>\w+)\s*=\s*[\w.]*\b[Aa]pis\.(?<api>\w+)\s*;")]
    private static partial Regex AliasPattern();

    // _context.Apis.Challenges.PatchAsync(
    [GeneratedRegex(@"\b[Aa]pis\.(?<api>\w+)\.(?<method>List|Watch|Get|Create|Replace|ReplaceStatus|Patch|PatchStatus|Delete)Async\(")]
    private static partial Regex DirectCallPattern();

    // api.DeleteAsync(  (receiver resolved through an alias or an injected field)
    [GeneratedRegex(@"\b(?<recv>\w+)\.(?<method>List|Watch|Get|Create|Replace|ReplaceStatus|Patch|PatchStatus|Delete)Async\(")]
    private static partial Regex ReceiverCallPattern();

    [GeneratedRegex(@"StatusWriter\.UpdateStatusAsync\(\s*(?<arg>[\w.]+)")]
    private static partial Regex StatusWriterPattern();

    [GeneratedRegex(@"FinalizerHelper\.(?:Add|Remove)Async\(\s*(?<arg>[\w.]+)")]
    private static partial Regex FinalizerPattern();

    // InformerSet: Add(apis.Certificates, scoped, ...) / Add(apis.Ingresses, new InformerOptions { Namespace = options.Namespace, ... }, ...)
    [GeneratedRegex(@"\bAdd\(\s*apis\.(?<api>\w+)\s*,\s*(?<opts>new\s+InformerOptions\s*\{[^}]*\}|[^,]+),")]
    private static partial Regex InformerPattern();
}
