"""The safety notice, in named sentences: the app's first-start notice and help, the routine
player's "this hurts" dialog, and the CLI's one-time note all say the same words.

Grounded in the source articles (docs/sources.md): only a professional can diagnose; see one
before self-correction, especially with a spinal condition (seed 000) or in pregnancy and after a
birth, which change how stable the joint is (seed 001); each way the joint can be out of place has
its own precise correction, which a professional should name (seed 003); stop an exercise at once
if it increases the pain (seed 000).
"""

NOT_A_DIAGNOSIS = (
    "plumbline helps you keep the habits you were given. It is not a diagnosis and not a treatment plan."
)
SEE_A_PROFESSIONAL = (
    "Only a trained professional can tell what is behind your pain. See a physical therapist or "
    "doctor before any self-correction exercise, especially if you have a spinal condition, are "
    "pregnant or have recently given birth."
)
ONE_PATTERN_ONE_CORRECTION = (
    "The joint can be out of place in several ways, and each needs its own precise correction: "
    "let a professional tell you which one you have."
)
STOP_AT_ONCE = "Stop an exercise at once if it increases your pain."
IF_PAIN_PERSISTS = (
    "If pain keeps coming back or gets worse, see a physical therapist or doctor; do not push through it."
)
SAFETY_NOTICE = (
    f"{NOT_A_DIAGNOSIS}\n\n- {SEE_A_PROFESSIONAL}\n- {ONE_PATTERN_ONE_CORRECTION}\n"
    f"- Move slowly and gently. {STOP_AT_ONCE}\n- {IF_PAIN_PERSISTS}"
)

# The CLI's version, on stderr once per data dir (cli/safety_note.py): someone who never opens the
# app, or only runs the reminder service, still reads it once.
SHORT_NOTICE = (
    f"plumbline is not a diagnosis or a treatment plan. {SEE_A_PROFESSIONAL} "
    f"{ONE_PATTERN_ONE_CORRECTION[0].upper()}{ONE_PATTERN_ONE_CORRECTION[1:]} {STOP_AT_ONCE} "
    "The app shows this in full (press ? in it); this note is shown once."
)

# The report's one line under its heading (report/html.py), read by the user and their therapist.
REPORT_CAUTION = f"{NOT_A_DIAGNOSIS} {STOP_AT_ONCE}"
