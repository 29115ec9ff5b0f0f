import './FormulaEditor.css';
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent, type RefObject } from 'react';
import type { Domain, Surface } from '../../engine';
import type { CompileMode } from '../../engine/formula';
// The examples are plain data with no mathjs behind them: imported directly, the buttons show
// at once while the compiler is still on its way.
import { FORMULA_EXAMPLES, type FormulaExample } from '../../engine/formula/examples';
import { loadFormulaCompiler, loadedFormulaCompiler, type FormulaCompiler } from '../../state/formulaLoader';
import { CUSTOM_ID, sceneStore, type CustomSurface } from '../../state/store';
import { useScene } from '../../state/useScene';
import { DomainFields } from '../panel/DomainFields';
import { FormulaView } from './FormulaView';
import { useFormulaEditorText } from '../../i18n/formulaEditorText';
import { useLang, useT } from '../shell/useT';
import { plainFormula } from './plainFormula';
import { exampleName, formulaExcerpt, surfaceAbout, type FormulaProblem } from './surfaceText';
import type { formulaErrorText } from './formulaErrorText';

/** Quiet time after the last keystroke before a formula compiles: long enough not to flash errors mid-word. */
const DEBOUNCE_MS = 250;

const sameDomain = (a: Domain, b: Domain) => a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];

// The derivatives each compile produced, by surface, so that showing ∇f needs no second compile.
// null: too long to write out (the compiler derives it all the same).
const rawGradients = new WeakMap<Surface, readonly [string, string] | null>();

interface Refusal {
  /** The text that was refused, for the marked excerpt (the field may have moved on). */
  readonly expr: string;
  readonly problem: FormulaProblem;
}

function toProblem(e: unknown, compiler: FormulaCompiler): FormulaProblem {
  if (compiler.isFormulaError(e)) return { code: e.code, params: e.params, position: e.position };
  return { code: 'other', params: {} };
}

/** ∇f as readable text: simplified, with superscripts and proper minus signs. */
function gradientText(compiler: FormulaCompiler, raw: readonly [string, string] | null, long: string): string {
  if (raw === null) return long;
  const one = (s: string) => plainFormula(compiler.tidy(s).replace(/\s*\^\s*/g, '^'));
  return `(${one(raw[0])}, ${one(raw[1])})`;
}

function useGradient(custom: CustomSurface | null, compiler: FormulaCompiler | null, long: string): string | null {
  const [shown, setShown] = useState<{ readonly surface: Surface; readonly text: string } | null>(null);
  useEffect(() => {
    if (!custom || !compiler || shown?.surface === custom.surface) return;
    // After the frame that shows the new surface: simplifying is for reading and may take a moment.
    const timer = setTimeout(() => {
      let raw = rawGradients.get(custom.surface);
      if (raw === undefined) {
        // A custom surface the editor did not compile (set by another part of the app).
        try {
          raw = compiler.compile(custom.expr, { domain: custom.domain }).gradient;
        } catch {
          return;
        }
      }
      setShown({ surface: custom.surface, text: gradientText(compiler, raw, long) });
    }, 0);
    return () => clearTimeout(timer);
  }, [custom, compiler, shown, long]);
  return custom && shown?.surface === custom.surface ? shown.text : null;
}

/** The words for a refused formula, here once the compiler is (they load together). */
let errorText: typeof formulaErrorText | null = null;

/** The compiler and the words of its refusals, fetched together. */
function loadEditorParts(): Promise<FormulaCompiler> {
  return Promise.all([loadFormulaCompiler(), import('./formulaErrorText')]).then(([compiler, words]) => {
    errorText = words.formulaErrorText;
    return compiler;
  });
}

interface FormulaEditorProps {
  /** Hidden rather than unmounted while a built-in surface is shown, so the text is kept. */
  readonly open: boolean;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** Called once the editor is on the page (it loads when first opened): its field can take focus. */
  readonly onMount?: () => void;
}

/**
 * A formula field that compiles as the user types (after a short pause, like a graphing
 * calculator): a formula that compiles replaces the custom surface at once, and one that does
 * not says why under the field while the last good surface stays on screen.
 */
export function FormulaEditor({ open, inputRef, onMount }: FormulaEditorProps) {
  const t = useT();
  const lang = useLang();
  const ft = useFormulaEditorText(lang);
  const custom = useScene((s) => s.custom);
  const [compiler, setCompiler] = useState<FormulaCompiler | null>(loadedFormulaCompiler);
  const [loadFailed, setLoadFailed] = useState(false);
  const [text, setText] = useState(() => custom?.expr ?? '');
  const [domain, setDomain] = useState<Domain | null>(() => custom?.domain ?? null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [mode, setMode] = useState<CompileMode | null>(null);
  const gradient = useGradient(custom, compiler, ft('formula.gradientLong'));
  const inputId = useId();
  const statusId = useId();
  const examplesId = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Only the latest request may answer: a slow first load must not overwrite a later formula.
  const latest = useRef(0);
  // The custom surface this editor put into the store, to tell its own updates from others'.
  const own = useRef<CustomSurface | null>(custom);

  const compileNow = useCallback((expr: string, dom: Domain | null) => {
    clearTimeout(timer.current);
    const request = ++latest.current;
    if (expr.trim() === '') {
      setRefusal(null);
      return;
    }
    setLoadFailed(false);
    loadEditorParts().then(
      (c) => {
        if (request !== latest.current) return;
        setCompiler(c);
        const d = dom ?? c.defaultDomain;
        const state = sceneStore.getState();
        if (state.custom && state.custom.expr === expr && sameDomain(state.custom.domain, d)) {
          setRefusal(null);
          if (state.surfaceId !== CUSTOM_ID) state.setSurface(CUSTOM_ID);
          return;
        }
        const show = (source: string) => {
          const compiled = c.compile(source, { domain: d });
          rawGradients.set(compiled.surface, compiled.gradient);
          const next: CustomSurface = { expr: source, domain: d, surface: compiled.surface };
          own.current = next;
          setMode(compiled.mode);
          state.setCustomSurface(next);
        };
        try {
          show(expr);
          setRefusal(null);
        } catch (e) {
          setRefusal({ expr, problem: toProblem(e, c) });
          // A new domain still reaches the surface on screen while the field holds a broken formula.
          const last = state.custom;
          if (last && !sameDomain(last.domain, d)) {
            try {
              show(last.expr);
            } catch {
              // It compiled before; should it not now, the scene keeps what it has.
            }
          }
        }
      },
      () => {
        if (request === latest.current) setLoadFailed(true);
      },
    );
  }, []);

  // Fetch the compiler as soon as the editor opens: by the time a formula is typed it is here.
  useEffect(() => {
    if (!open || compiler) return;
    let current = true;
    loadEditorParts().then(
      (c) => current && setCompiler(c),
      () => current && setLoadFailed(true),
    );
    return () => {
      current = false;
    };
  }, [open, compiler]);

  // Reopened with text that is not the surface in the store (a refused formula, or a scene
  // reset while hidden): compile it again, so the field and its message agree with the scene.
  useEffect(() => {
    if (!open) {
      // Hidden: a pending compile must not switch the scene back to the custom surface.
      clearTimeout(timer.current);
      latest.current++;
      return;
    }
    const stored = sceneStore.getState().custom;
    if (text.trim() !== '' && !(stored && stored.expr === text)) compileNow(text, domain);
    // Keyed on opening only: while open, typing and the domain fields schedule their own compiles.
  }, [open]);

  // A custom surface set elsewhere (a reset, a shared link) replaces what the field shows.
  useEffect(() => {
    if (!custom || custom === own.current) return;
    own.current = custom;
    setText(custom.expr);
    setDomain(custom.domain);
    setRefusal(null);
  }, [custom]);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => onMount?.(), [onMount]);

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const next = e.currentTarget.value;
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => compileNow(next, domain), DEBOUNCE_MS);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      compileNow(text, domain);
    }
  };

  const pickExample = (example: FormulaExample) => {
    setText(example.expr);
    setDomain(example.domain);
    compileNow(example.expr, example.domain);
  };

  const applyDomain = (next: Domain) => {
    setDomain(next);
    compileNow(text, next);
  };

  const shownDomain = domain ?? compiler?.defaultDomain ?? null;
  const loading = open && !compiler && !loadFailed;
  const problemText = refusal && errorText ? errorText(lang, refusal.problem) : null;
  const excerpt = refusal ? formulaExcerpt(refusal.expr, refusal.problem) : null;
  const isEmpty = text.trim() === '';
  const surface = custom?.surface ?? null;
  const lesson = surface ? surfaceAbout(t, surface) : null;

  return (
    <div className="formula-editor" hidden={!open} data-compile-mode={mode ?? undefined}>
      <label className="field-label formula-label" htmlFor={inputId}>
        {ft('formula.label')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="formula-input"
        type="text"
        value={text}
        placeholder={ft('formula.placeholder')}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        autoComplete="off"
        enterKeyHint="done"
        aria-invalid={refusal !== null}
        aria-describedby={statusId}
        onChange={onChange}
        onKeyDown={onKeyDown}
      />
      {/* Always in the page, so that screen readers announce what appears in it. */}
      <div id={statusId} className="formula-status" aria-live="polite">
        {loading && (
          <p className="formula-loading">
            <span className="formula-spinner" aria-hidden="true" />
            {ft('formula.loading')}
          </p>
        )}
        {loadFailed && <p className="field-error">{ft('formula.loadFailed')}</p>}
        {refusal && (
          <>
            <p className="field-error formula-error">{problemText}</p>
            {excerpt && (
              <code className="formula-excerpt" aria-hidden="true">
                {excerpt.before}
                <mark className={excerpt.mark === '' ? 'formula-mark is-missing' : 'formula-mark'}>{excerpt.mark === '' ? '\u2009' : excerpt.mark}</mark>
                {excerpt.after}
              </code>
            )}
            {custom && <p className="formula-kept">{ft('formula.keptLast')}</p>}
          </>
        )}
        {!refusal && isEmpty && (
          <>
            <p className="formula-hint">{ft('formula.hint')}</p>
            <p className="formula-kept">{ft('formula.keptEmpty')}</p>
          </>
        )}
      </div>

      {surface && (
        <>
          <FormulaView latex={surface.latex} text={surface.formula} label={t('surface.formula')} />
          {gradient && (
            <p className="formula-gradient" title={ft('formula.gradient')}>
              <span className="formula-gradient-symbol">∇f</span> = {gradient}
            </p>
          )}
          {lesson && <p className="lesson">{lesson}</p>}
        </>
      )}

      {shownDomain && <DomainFields domain={shownDomain} onApply={applyDomain} />}

      <div className="formula-examples" role="group" aria-labelledby={examplesId}>
        <span id={examplesId} className="field-label">
          {ft('formula.examples')}
        </span>
        <div className="formula-example-list">
          {FORMULA_EXAMPLES.map((ex) => (
            <button
              key={ex.id}
              type="button"
              className={`button formula-example${custom?.expr === ex.expr ? ' is-current' : ''}`}
              title={ex.expr}
              onClick={() => pickExample(ex)}
            >
              {exampleName(t, ex)}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
