using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class RequestWakeUpsTests
{
    private static CertificateRequest Request(string group, params (string Type, string Status)[] conditions) => new()
    {
        Metadata = new() { Name = "web-1-abc", NamespaceProperty = "apps" },
        Spec = new CertificateRequestSpec { IssuerRef = new ObjectReference { Name = "ca", Kind = ApiGroups.IssuerKind, Group = group } },
        Status = new CertificateRequestStatus
        {
            Conditions = [.. conditions.Select(c => new Condition { Type = c.Type, Status = c.Status, Reason = "r", Message = "m" })],
        },
    };

    private static readonly (string, string) Approved = (ConditionTypes.Approved, ConditionStatus.True);
    private static readonly (string, string) Denied = (ConditionTypes.Denied, ConditionStatus.True);
    private static readonly (string, string) Pending = (ConditionTypes.Ready, ConditionStatus.False);
    private static readonly (string, string) Signed = (ConditionTypes.Ready, ConditionStatus.True);

    public static TheoryData<string, CertificateRequest?, CertificateRequest, bool> RequestCases() => new()
    {
        { "created, approver covers it", null, Request(ApiGroups.Cert), false },
        { "created, approver does not cover it", null, Request("example.com"), true },
        { "approved by the built-in approver", Request(ApiGroups.Cert), Request(ApiGroups.Cert, Approved), false },
        { "approved by hand", Request("example.com"), Request("example.com", Approved), true },
        { "signer says pending", Request(ApiGroups.Cert, Approved), Request(ApiGroups.Cert, Approved, Pending), false },
        { "signed", Request(ApiGroups.Cert, Approved, Pending), Request(ApiGroups.Cert, Approved, Signed), true },
        { "denied", Request(ApiGroups.Cert), Request(ApiGroups.Cert, Denied), true },
        { "already signed, touched again", Request(ApiGroups.Cert, Approved, Signed), Request(ApiGroups.Cert, Approved, Signed), false },
    };

    [Theory]
    [MemberData(nameof(RequestCases))]
    public void RequestChangesThatConcernTheCertificate(string what, CertificateRequest? before, CertificateRequest after, bool matters) =>
        Assert.True(matters == RequestWakeUps.RequestMatters(before, after, SignerPatterns.Default), what);

    public static TheoryData<string, CertificateRequest?, CertificateRequest, bool, bool> ApproverAndSignerCases() => new()
    {
        // what, before, after, approver wakes, signer wakes
        { "created, the built-in approver covers it", null, Request(ApiGroups.Cert), true, false },
        { "approved", Request(ApiGroups.Cert), Request(ApiGroups.Cert, Approved), false, true },
        { "denied", Request(ApiGroups.Cert), Request(ApiGroups.Cert, Denied), false, true },
        { "signer says pending", Request(ApiGroups.Cert, Approved), Request(ApiGroups.Cert, Approved, Pending), false, false },
        { "signed", Request(ApiGroups.Cert, Approved, Pending), Request(ApiGroups.Cert, Approved, Signed), false, false },
        { "undecided, touched again", Request(ApiGroups.Cert), Request(ApiGroups.Cert), true, false },
        { "approved, seen again after a restart", null, Request(ApiGroups.Cert, Approved), false, true },
        { "signed, seen again after a restart", null, Request(ApiGroups.Cert, Approved, Signed), false, false },
        { "another controller's group, approved", Request("example.com"), Request("example.com", Approved), false, false },
    };

    [Theory]
    [MemberData(nameof(ApproverAndSignerCases))]
    public void RequestChangesThatConcernTheApproverAndTheSigner(string what, CertificateRequest? before, CertificateRequest after, bool approver, bool signer)
    {
        Assert.True(approver == RequestWakeUps.RequestMattersToApprover(before, after), what + " (approver)");
        Assert.True(signer == RequestWakeUps.RequestMattersToSigner(before, after, SignerPatterns.Default), what + " (signer)");
    }

    [Fact]
    public void WithTheApproverOffANewRequestWakesTheSignerToSayItWaits()
    {
        Assert.True(RequestWakeUps.RequestMattersToSigner(null, Request(ApiGroups.Cert), SignerPatterns.Off));
        Assert.False(RequestWakeUps.RequestMattersToSigner(null, Request(ApiGroups.Cert), SignerPatterns.Default));
    }

    private static Order Order(string? state, string? reason = null) => new() { Status = state is null ? null : new OrderStatus { State = state, Reason = reason } };

    [Fact]
    public void OrdersWakeTheCertificateOnlyForTheRateLimitAndTheSignerOnlyAtTheEnd()
    {
        var waiting = Order(null);
        waiting.Status = new OrderStatus { Reason = K8sCertOperator.Controllers.Orders.OrderRateLimits.Reason + ": waiting for the next slot" };
        Assert.True(K8sCertOperator.Controllers.Orders.OrderRateLimits.IsWaiting(waiting.Status));
        Assert.True(RequestWakeUps.OrderMatters(Order(null), waiting));
        Assert.True(RequestWakeUps.OrderMatters(waiting, Order(AcmeStates.Pending)));
        Assert.False(RequestWakeUps.OrderMatters(Order(AcmeStates.Pending), Order(AcmeStates.Ready)));

        Assert.False(RequestWakeUps.OrderMattersToSigner(Order(AcmeStates.Pending), Order(AcmeStates.Processing)));
        Assert.True(RequestWakeUps.OrderMattersToSigner(Order(AcmeStates.Processing), Order(AcmeStates.Valid)));
        Assert.True(RequestWakeUps.OrderMattersToSigner(null, Order(AcmeStates.Invalid)));
        Assert.False(RequestWakeUps.OrderMattersToSigner(Order(AcmeStates.Valid), Order(AcmeStates.Valid)));
        var downloaded = Order(AcmeStates.Valid);
        downloaded.Status!.Certificate = [1, 2, 3];
        Assert.True(RequestWakeUps.OrderMattersToSigner(Order(AcmeStates.Valid), downloaded));
    }

    [Fact]
    public void ChallengesWakeTheCertificateOnlyForARecordToPublish()
    {
        Challenge With(ChallengeDnsRecord? record, string state = AcmeStates.Pending) => new() { Status = new ChallengeStatus { State = state, DnsRecord = record } };
        var manual = new ChallengeDnsRecord { Name = "_validation-persist.a.example.", Value = "ca; accounturi=x", Managed = false };
        var managed = new ChallengeDnsRecord { Name = "_validation-persist.a.example.", Value = "ca; accounturi=x", Managed = true };
        Assert.True(RequestWakeUps.ChallengeMatters(null, With(manual)));
        Assert.True(RequestWakeUps.ChallengeMatters(With(manual), With(null, AcmeStates.Valid)));
        Assert.False(RequestWakeUps.ChallengeMatters(With(manual), With(manual, AcmeStates.Processing)));
        Assert.False(RequestWakeUps.ChallengeMatters(null, With(managed)));
        Assert.False(RequestWakeUps.ChallengeMatters(With(null), With(null, AcmeStates.Valid)));
    }
}
