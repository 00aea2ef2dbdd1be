import { useEffect, useState } from "preact/hooks";
import {
  beginOidcSignIn,
  completeOidcSignIn,
  identity,
  listPersonas,
  loadConfig,
  onAuthChange,
  signInAsPersona,
  signOut,
  takeHandedOverToken,
  type PageConfig,
  type Persona,
} from "./auth";
import { loadLabels } from "./labels";
import { Home } from "./pages/Home";
import { Complain } from "./pages/Complain";
import { Track } from "./pages/Track";
import { Mine, MineDetail } from "./pages/Mine";

const LARGE_TEXT_KEY = "h5.largeText";

function useRoute(): string {
  const [route, setRoute] = useState(() => location.hash.replace(/^#/, "") || "/");
  useEffect(() => {
    const update = () => {
      setRoute(location.hash.replace(/^#/, "") || "/");
      window.scrollTo(0, 0);
    };
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}

export function useSignedIn(): ReturnType<typeof identity> {
  const [who, setWho] = useState(identity);
  useEffect(() => onAuthChange(() => setWho(identity())), []);
  return who;
}

export function App() {
  const route = useRoute();
  const who = useSignedIn();
  const [config, setConfig] = useState<PageConfig | null>(null);
  const [large, setLarge] = useState(() => localStorage.getItem(LARGE_TEXT_KEY) === "1");
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => {
    void loadLabels();
    takeHandedOverToken();
    loadConfig().then(async (c) => {
      setConfig(c);
      const outcome = await completeOidcSignIn(c.oidc);
      if (outcome && !outcome.ok) setSignInError(outcome.message);
    });
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle("large-text", large);
  }, [large]);

  // Stored in the tap itself, not in the effect (which runs after the next paint): a reload right after the tap keeps it.
  const toggleLarge = () => {
    localStorage.setItem(LARGE_TEXT_KEY, large ? "0" : "1");
    setLarge(!large);
  };

  const [path, param] = route.split("/").filter(Boolean);
  let page;
  let title: string;
  switch (path) {
    case "complain":
      title = "我要投诉";
      page = who ? <Complain who={who} /> : <SignIn config={config} purpose="提交投诉需要实名登录。" />;
      break;
    case "track":
      title = "投诉查询";
      page = <Track />;
      break;
    case "mine":
      title = "我的投诉";
      page = !who ? (
        <SignIn config={config} purpose="查看本人的投诉需要登录。" />
      ) : param ? (
        <MineDetail id={param} />
      ) : (
        <Mine />
      );
      break;
    default:
      title = "首页";
      page = <Home />;
  }

  useEffect(() => {
    document.title = `${title} — 云南省政务服务投诉`;
  }, [title]);

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        跳到正文
      </a>
      <header class="topbar">
        {path ? (
          <a class="button button-ghost back" href="#/">
            ‹ 首页
          </a>
        ) : (
          <span class="brand">云南政务服务投诉</span>
        )}
        <button
          type="button"
          class="button button-ghost"
          aria-pressed={large}
          onClick={toggleLarge}
        >
          {large ? "标准字号" : "大字模式"}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {who && path ? (
          <p class="signed-in">
            已登录:{who.name}
            <button type="button" class="button button-small button-ghost" onClick={signOut}>
              退出登录
            </button>
          </p>
        ) : null}
        {signInError && !who ? (
          <p class="notice notice-error" role="alert" data-testid="sign-in-error">
            {signInError}
          </p>
        ) : null}
        {page}
      </main>
      <footer class="footer">
        <p>依据《云南省政务服务投诉处理办法(试行)》受理。咨询或投诉也可拨打 12345 热线。</p>
      </footer>
    </>
  );
}

function SignIn(props: { config: PageConfig | null; purpose: string }) {
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.config?.devTokens) listPersonas().then(setPersonas, () => setPersonas([]));
  }, [props.config]);

  if (!props.config) return <p aria-busy="true">正在加载…</p>;
  return (
    <section class="card" aria-labelledby="signin-title">
      <h2 id="signin-title">请先登录</h2>
      <p>{props.purpose}投诉人身份以统一身份认证平台的实名信息为准。</p>
      {props.config.oidc ? (
        <button
          type="button"
          class="button button-primary button-block"
          onClick={() => beginOidcSignIn(props.config!.oidc!, location.hash).catch(() => setError("无法连接统一身份认证平台,请稍后再试。"))}
        >
          统一身份认证登录
        </button>
      ) : null}
      {props.config.devTokens ? (
        <div class="personas">
          <p class="hint">开发环境:选择一个演示身份登录</p>
          {personas.map((p) => (
            <button
              key={p.persona}
              type="button"
              class="button button-block"
              data-persona={p.persona}
              onClick={() => signInAsPersona(p.persona).catch(() => setError("演示身份登录失败。"))}
            >
              {p.name}({p.role === "enterprise" ? "企业" : "个人"})
            </button>
          ))}
        </div>
      ) : null}
      {!props.config.oidc && !props.config.devTokens ? (
        <p class="notice">请在“一部手机办事通”中打开本页面,登录后即可提交和查看投诉。</p>
      ) : null}
      {error ? (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
