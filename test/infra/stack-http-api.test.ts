// The synthesized HTTP API: routes to the two functions, the stage's throttles and access log, and BASE_URL with or without a custom domain.
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { replyRoutes } from "../../functions/reply/paths.js";
import { apiThrottle } from "../../infra/stack.js";
import { type Resource, synth, withDomain } from "./synth.js";
import { functionId, idOf, lambdas } from "./template-lookup.js";

/** The synthesized CloudFormation template, asserted with aws-cdk-lib/assertions. */
describe("CDK stack", () => {
  let template: Template;
  const fnId = (name: string) => functionId(template, name);
  beforeAll(() => {
    template = synth();
  });

  it("routes the participant's paths to the reply function and everything else ($default, POST /logg-inn) to api", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
    template.resourceCountIs("AWS::ApiGatewayV2::Integration", 2);
    const integrations = template.findResources("AWS::ApiGatewayV2::Integration") as Record<string, Resource>;
    const integrationOf = (fn: string) =>
      Object.keys(integrations).find(
        (id) =>
          JSON.stringify(integrations[id]!.Properties.IntegrationUri) === JSON.stringify({ "Fn::GetAtt": [fnId(fn), "Arn"] }),
      )!;
    for (const i of Object.values(integrations)) expect(i.Properties.IntegrationType).toBe("AWS_PROXY");
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route")) as Resource[];
    const target = (fn: string) => ({ "Fn::Join": ["", ["integrations/", { Ref: integrationOf(fn) }]] });
    const routeKeys = (fn: string) =>
      routes
        .filter((r) => JSON.stringify(r.Properties.Target) === JSON.stringify(target(fn)))
        .map((r) => r.Properties.RouteKey)
        .sort();
    expect(routeKeys("api")).toEqual(["$default", "POST /logg-inn"]);
    expect(routeKeys("reply")).toEqual(replyRoutes.map((r) => `${r.method} ${r.path}`).sort());
    expect(routes).toHaveLength(2 + replyRoutes.length);
  });

  describe("throttling at the stage", () => {
    it("has a default stage throttle and lower per-route throttles for the two public form posts", () => {
      const stages = Object.values(template.findResources("AWS::ApiGatewayV2::Stage")) as Resource[];
      expect(stages).toHaveLength(1);
      const stage = stages[0]!.Properties;
      expect(stage.StageName).toBe("$default");
      expect(stage.AutoDeploy).toBe(true);
      expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
      expect(stage.RouteSettings).toEqual({
        "POST /logg-inn": { ThrottlingRateLimit: 1, ThrottlingBurstLimit: 5 },
        "POST /r/{token}": { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 20 },
      });
      for (const [key, t] of Object.entries(apiThrottle.routes)) {
        expect(t.rateLimit).toBeLessThan(apiThrottle.stage.rateLimit);
        expect(stage.RouteSettings[key].ThrottlingRateLimit).toBe(t.rateLimit);
      }
    });

    it("creates the stage after the routes its settings name", () => {
      const [stageId, stage] = Object.entries(template.findResources("AWS::ApiGatewayV2::Stage"))[0] as [string, Resource];
      const routeIds = Object.keys(template.findResources("AWS::ApiGatewayV2::Route"));
      expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
      expect(stageId).toMatch(/^HttpApiDefaultStage/); // same logical id as the stage HttpApi used to create: updated in place
    });

    it("writes an access log that never holds the path (personal link tokens are in it)", () => {
      const stage = (Object.values(template.findResources("AWS::ApiGatewayV2::Stage"))[0] as Resource).Properties;
      const logGroup = idOf(template, "AWS::Logs::LogGroup", "ApiAccessLogs");
      expect(stage.AccessLogSettings.DestinationArn).toEqual({ "Fn::GetAtt": [logGroup, "Arn"] });
      const format = JSON.parse(stage.AccessLogSettings.Format) as Record<string, string>;
      expect(format).toMatchObject({ requestId: "$context.requestId", routeKey: "$context.routeKey", status: "$context.status" });
      expect(stage.AccessLogSettings.Format).not.toMatch(/\$context\.(path|resourcePath)/);
    });
  });

  describe("BASE_URL: one deploy", () => {
    it("without a custom domain, is the HTTP API's own URL (no second deploy, no placeholder)", () => {
      const api = Object.keys(template.findResources("AWS::ApiGatewayV2::Api"))[0]!;
      const fns = lambdas(template);
      expect(fns).toHaveLength(6);
      for (const f of fns) expect(f.Properties.Environment.Variables.BASE_URL).toEqual({ "Fn::GetAtt": [api, "ApiEndpoint"] });
      template.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
      template.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 0);
      template.hasOutput("BaseUrl", { Value: { "Fn::GetAtt": [api, "ApiEndpoint"] } });
    });

    it("with domainName and certificateArn, is https://<domainName>, served by an API Gateway custom domain mapped to the stage", () => {
      const t = synth(withDomain);
      for (const f of lambdas(t)) expect(f.Properties.Environment.Variables.BASE_URL).toBe("https://moter.vestregionen.no");
      t.hasResourceProperties("AWS::ApiGatewayV2::DomainName", {
        DomainName: "moter.vestregionen.no",
        DomainNameConfigurations: [
          Match.objectLike({ CertificateArn: withDomain.certificateArn, EndpointType: "REGIONAL", SecurityPolicy: "TLS_1_2" }),
        ],
      });
      const api = Object.keys(t.findResources("AWS::ApiGatewayV2::Api"))[0]!;
      const stage = Object.keys(t.findResources("AWS::ApiGatewayV2::Stage"))[0]!;
      const domain = Object.keys(t.findResources("AWS::ApiGatewayV2::DomainName"))[0]!;
      t.hasResource("AWS::ApiGatewayV2::ApiMapping", {
        Properties: { ApiId: { Ref: api }, DomainName: { Ref: domain }, Stage: "$default" },
        DependsOn: Match.arrayWith([stage]),
      });
      t.hasOutput("BaseUrl", { Value: "https://moter.vestregionen.no" });
      t.hasOutput("CustomDomainCname", {
        Value: { "Fn::Join": ["", ["moter.vestregionen.no CNAME ", { "Fn::GetAtt": [domain, "RegionalDomainName"] }]] },
      });
    });

    it("accepts an explicit baseUrl only as https://<domainName>", () => {
      const t = synth({ ...withDomain, baseUrl: "https://moter.vestregionen.no/" });
      for (const f of lambdas(t)) expect(f.Properties.Environment.Variables.BASE_URL).toBe("https://moter.vestregionen.no");
      expect(() => synth({ baseUrl: "https://moter.example.org" })).toThrow(/«baseUrl».*domainName/);
      expect(() => synth({ ...withDomain, baseUrl: "https://annet.vestregionen.no" })).toThrow(
        /«baseUrl».*https:\/\/moter\.vestregionen\.no/,
      );
      expect(() => synth({ domainName: "moter.vestregionen.no" })).toThrow(/«certificateArn»/);
      expect(() => synth({ certificateArn: withDomain.certificateArn })).toThrow(/«domainName»/);
      expect(() => synth({ domainName: "moter.vestregionen.no", certificateArn: "sertifikat" })).toThrow(/«certificateArn»/);
    });
  });
});
