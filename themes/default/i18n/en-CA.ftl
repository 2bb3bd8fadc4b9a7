# The interface of careerbook in Canadian English: every word a reader sees
# that is not in the guidance. A project changes one message by writing it in
# themes/<theme>/i18n/en-CA.ftl; see "Languages" in the README.

language-name = English

## Computed by careerbook: lists, the dashboard's gap analysis and next
## actions, prep cards in short, the calendar, the pages careerbook writes.

# "A, B and C": $init is "A, B".
list-and = { $init } and { $last }

# The gap analysis. $number is the count as a capitalized word ("Two").
gap-no-active-mentor = You have no active mentor yet
gap-one-active-mentor = One active mentor: a second or third would give you more than one point of view
gap-active-mentors = { $number } active mentors — right in the recommended range
gap-too-many-mentors = { $number } active mentors — more than the two or three the guidance suggests; make sure you can give each of them time
gap-no-active-sponsor = You have no active sponsor yet
gap-one-active-sponsor = One active sponsor: you depend on a single advocate; aim for at least two
gap-active-sponsors = { $number } active sponsors — you do not depend on a single advocate
gap-no-mentor-prospects = No mentor prospects in your pipeline: keep a few names ready for when a relationship runs its course
gap-no-sponsor-prospects = No sponsor prospects in your pipeline: note the senior people who could speak up for you next
gap-dormant =
    { $count ->
        [one] One relationship has gone quiet: a short update is often enough to revive it
       *[other] { $number } relationships have gone quiet: a short update is often enough to revive one
    }
gap-only-taken = So far you have only taken from { $names }: find something to give back, such as an introduction, an article or a thank-you with results
# The chapter a finding points to, as the finding names it.
gap-see-finding-mentors = Finding mentors
gap-see-finding-sponsors = Finding sponsors
gap-see-keeping-relationships = Keeping relationships
verdict-see = { $lead } — see { $chapter }
verdict-good = On track
verdict-attention = Worth attention
verdict-missing = Missing
gap-row-mentors = Mentors
gap-row-mentors-recommended = 2–3 active
gap-row-sponsors = Sponsors
gap-row-sponsors-recommended = 2 or more active

dashboard-hello = Hello, { $name }
dashboard-yours = Your dashboard

# When a next action is due.
when-overdue =
    { $days ->
        [one] { $days } day overdue
       *[other] { $days } days overdue
    }
when-today = today
when-by = by { $date }
when-last-done = last done { $date }
action-check-in = Check in with { $name }
action-next-step = Next step with { $name }: { $step }

# A prep card in a few lines (a check-in's calendar event). $when is a date,
# and the kind of conversation when the log says it.
prep-short-last = Last time ({ $when })
prep-short-last-summary = Last time ({ $when }): { $summary }
prep-short-step = Your next step: { $step }
prep-short-step-overdue =
    { $days ->
        [one] Your next step: { $step } ({ $days } day overdue)
       *[other] Your next step: { $step } ({ $days } days overdue)
    }
prep-short-step-by = Your next step: { $step } (by { $date })
prep-short-news = News to share: { $win }
prep-short-ask = Ask: { $question }

# The calendar of follow-ups (followups.ics).
calendar-last-contact = Last contact: { $date }. You planned to be in touch every { $days } days.
calendar-was-due = The check-in was due on { $date }.
calendar-next-step = Next step: { $step }

# The pages careerbook writes beside the guidance.
page-relationships = Your relationships
page-progress = Your progress
page-brief = Your sponsor brief

# The 12-month plan and its timeline (an SVG image with a text alternative).
plan-month = Month { $month }
plan-months = Months { $first }–{ $last }
plan-ongoing = Ongoing
timeline-title = Plan timeline, { $start } to { $end }
timeline-row-phases = Phases
timeline-row-contacts = Contacts
timeline-row-checkins = Check-ins
timeline-done = { $done }/{ $total } done
timeline-phase-dates = { $phase }: { $start } to { $end }, { $progress }
timeline-all-year = { $phase } (all year), { $progress }
timeline-today = Today, { $day } { $month }
timeline-legend-contact = Contact
timeline-legend-gave = You gave back
timeline-legend-checkin = Check-in
timeline-legend-overdue = Check-in overdue
timeline-legend-today = Today
timeline-event = { $date } — { $name }: { $label }
timeline-event-gave = you gave back
timeline-event-overdue = overdue
timeline-desc-phases =
    { $count ->
        [one] { $count } phase.
       *[other] { $count } phases.
    }
timeline-desc-current = Today, { $date }, falls in “{ $phase }” ({ $done } of { $total } tasks done).
timeline-desc-marks =
    { $contacts } logged { $contacts ->
        [one] interaction
       *[other] interactions
    } ({ $gave } where you gave back). { $upcoming } upcoming { $upcoming ->
        [one] check-in
       *[other] check-ins
    }; { $overdue } overdue.

# Notes in a draft where {win} has nothing to say; $name is the person's first name.
draft-note-all-heard = nothing new for { $name }: they know every win in your wins file
draft-note-no-wins = your latest result: your wins file has none yet
draft-note-win-first = add your next result to your wins file first

# A cohort's report.
page-cohort-report = Cohort report
cohort-chart-title = Members by plan phase today
cohort-chart-no-plan = No plan start yet

# Regions of Canada, as a profile names them.
region-atlantic = Atlantic Canada
region-quebec = Quebec
region-ontario = Ontario
region-prairies = the Prairies
region-british-columbia = British Columbia
region-north = the North
region-outside-canada = outside Canada
