// The seed's rollenlijst (VNG Realisatie, Teamplotter online team): 4 categories, 24 roles.
// Dutch names and descriptions stand as the user wrote them; English texts and aliases are ours.

extension Catalogue {
    /// The built-in catalogue: the seed's four categories and 24 roles.
    public static let builtIn = Catalogue(categories: [
        RoleCategory(
            id: "visie-strategie-verbinding",
            name: "Visie, strategie en verbinding",
            englishName: "Vision, strategy and connection",
            roles: [
                Role(
                    id: "leidinggevende",
                    name: "Leidinggevende",
                    description:
                        "De leidinggevende geeft leiding aan één of meerdere collega's.",
                    englishName: "Manager",
                    englishDescription: "Leads one or more colleagues.",
                    aliases: ["teamleider", "manager", "teamleader", "team lead"]
                ),
                Role(
                    id: "visievormer",
                    name: "Visievormer",
                    description:
                        "De visievormer kijkt vooruit. Weet op basis van trends, ontwikkelingen, sterktes, zwaktes en perceptie van de organisatie een stip op de horizon vorm te geven.",
                    englishName: "Visionary",
                    englishDescription: "Looks ahead: turns trends, strengths, weaknesses and how the organisation is seen into a point on the horizon.",
                    aliases: ["visionary", "visionair"]
                ),
                Role(
                    id: "strateeg",
                    name: "Strateeg",
                    description:
                        "De strateeg heeft een goed beeld hoe de online dienstverlening verbeterd / aangeboden kan worden voor de komende jaren en geeft hier invulling aan. In samenhang met de gemeentelijke ICT-architectuur.",
                    englishName: "Strategist",
                    englishDescription: "Knows how online services can be improved and offered in the coming years, in line with the municipal IT architecture, and makes it happen.",
                    aliases: ["strategist"]
                ),
                Role(
                    id: "procesmanager",
                    name: "Procesmanager",
                    description:
                        "De procesmanager coördineert en stroomlijnt de besluitvorming in de organisatie met betrekking tot visie, strategie en beleid over de (online) dienstverlening.",
                    englishName: "Process manager",
                    englishDescription: "Coordinates and streamlines decision-making on vision, strategy and policy for (online) services.",
                    aliases: ["process manager"]
                ),
                Role(
                    id: "verbinder",
                    name: "Verbinder",
                    description:
                        "De verbinder is degene die 'online' zichtbaar (en belangrijk) maakt in de organisatie (vakafdelingen), management en bij het bestuur. De verbinder zorgt vaak voor commitment vanuit het management en bestuur en daarmee ook voor middelen om te investeren in de online dienstverlening.",
                    englishName: "Connector",
                    englishDescription: "Makes 'online' visible and important to departments, management and the board, and wins their commitment and budget.",
                    aliases: ["connector", "bruggenbouwer"]
                ),
                Role(
                    id: "beleidsmedewerker-adviseur-dienstverlening",
                    name: "Beleidsmedewerker / adviseur dienstverlening",
                    description:
                        "De adviseur dienstverlening vertaalt visie en strategie op het gebied van dienstverlening naar beleid op het niveau van de uitvoering in de dagelijkse praktijk, waarbij de verschillende kanalen gezamenlijk worden betrokken.",
                    englishName: "Service policy adviser",
                    englishDescription: "Translates the vision and strategy on public services into day-to-day policy across all channels.",
                    aliases: ["adviseur dienstverlening", "beleidsmedewerker dienstverlening", "beleidsadviseur dienstverlening", "policy adviser public services", "service policy adviser"]
                ),
                Role(
                    id: "beleidsmedewerker-adviseur-nieuwe-media",
                    name: "Beleidsmedewerker / adviseur nieuwe media",
                    description:
                        "De adviseur nieuwe media volgt de ontwikkeling op het gebied van nieuwe online media. En vertaalt de mogelijkheden voor communicatie en dienstverlening door vanuit visie en strategie naar beleid op het niveau van de uitvoering in de dagelijkse praktijk. Waarbij de verschillende kanalen gezamenlijk worden betrokken.",
                    englishName: "New media policy adviser",
                    englishDescription: "Follows new online media and translates their possibilities for communication and services into day-to-day policy.",
                    aliases: ["adviseur nieuwe media", "beleidsmedewerker nieuwe media", "beleidsadviseur nieuwe media", "policy adviser new media", "new media adviser"]
                ),
            ]
        ),
        RoleCategory(
            id: "dienstverlening-klant",
            name: "Dienstverlening aan en interactie met de klant (inwoners/ondernemers)",
            englishName: "Service to and interaction with the customer (residents/businesses)",
            roles: [
                Role(
                    id: "contentmanager-alle-kanalen",
                    name: "Contentmanager alle kanalen",
                    description:
                        "De contentmanager voor alle kanalen ontwikkelt, beheert en verwijdert taakgerichte, begrijpelijke en toegankelijke content voor alle online kanalen zoals de website, formulieren, social media zoals facebook, twitter, instagram.",
                    englishName: "All-channel content manager",
                    englishDescription: "Creates, maintains and removes task-oriented, clear and accessible content for all online channels, social media included.",
                    aliases: ["content manager all channels", "contentmanager alle kanalen", "omnichannel contentmanager"]
                ),
                Role(
                    id: "contentmanager-website",
                    name: "Contentmanager website",
                    description:
                        "De contentmanager website ontwikkelt, beheert en verwijdert taakgerichte, begrijpelijke en toegankelijke content voor alle online kanalen zoals de website en formulieren.",
                    englishName: "Website content manager",
                    englishDescription: "Creates, maintains and removes task-oriented, clear and accessible content for the website and forms.",
                    aliases: ["content manager website", "website content manager", "webcontentmanager"]
                ),
                Role(
                    id: "contentregisseur",
                    name: "Contentregisseur",
                    description:
                        "De contentregisseur maakt de (online) communicatie en dienstverlening over alle kanalen heen hetzelfde (consistentie). Denk hierbij aan de informatie en diensten die aangeboden wordt via website, formulieren, mail, social kanalen, livechat, Whatsapp. En soms breder dan online zoals telefonie, balie en post.",
                    englishName: "Content director",
                    englishDescription: "Makes communication and services consistent across all channels, sometimes beyond online (phone, counter, post).",
                    aliases: ["content director", "content strategist", "contentstrateeg"]
                ),
                Role(
                    id: "online-servicemedewerker",
                    name: "Online servicemedewerker",
                    description:
                        "De online servicemedewerker verzorgt 1 op 1 webcare via bijvoorbeeld livechat, Whatsapp, email, Facebook en Twitter.",
                    englishName: "Online service agent",
                    englishDescription: "Provides one-to-one webcare via live chat, WhatsApp, e-mail and social media.",
                    aliases: ["webcaremedewerker", "webcare medewerker", "webcare", "online service agent", "online klantenservice"]
                ),
                Role(
                    id: "community-manager",
                    name: "Community manager",
                    description:
                        "De communitymanager is extern gericht en zoekt de verbinding met inwoners en ondernemers op online kanalen / platformen. Met als doel om gemeentelijk beleid / dienstverlening te ontwikkelen en af te stemmen.",
                    englishName: "Community manager",
                    englishDescription: "Reaches out to residents and businesses on online channels and platforms to develop and tune municipal policy and services.",
                    aliases: ["communitymanager", "community manager"]
                ),
                Role(
                    id: "communicatieadviseur-extern",
                    name: "Communicatieadviseur extern",
                    description:
                        "De communicatieadviseur extern houdt zich bezig met de ontwikkeling en uitvoering van communicatiemiddelen en –strategieën gericht op externe doelgroepen.",
                    englishName: "External communications adviser",
                    englishDescription: "Develops and carries out communication means and strategies for external audiences.",
                    aliases: ["external communications adviser", "communicatieadviseur externe communicatie"]
                ),
                Role(
                    id: "communicatieadviseur-intern",
                    name: "Communicatieadviseur intern",
                    description:
                        "De communicatieadviseur intern houdt zich bezig met de ontwikkeling en uitvoering van communicatiemiddelen en –strategieën gericht op interne doelgroepen.",
                    englishName: "Internal communications adviser",
                    englishDescription: "Develops and carries out communication means and strategies for internal audiences.",
                    aliases: ["internal communications adviser", "communicatieadviseur interne communicatie"]
                ),
                Role(
                    id: "woordvoerder",
                    name: "Woordvoerder",
                    description:
                        "De woordvoerder vertegenwoordigt de organisatie (van bestuur tot ambtelijke organisatie) richting de pers en instanties. Bepaalt, vaak in overleg met collega's van het online team, vakafdelingen en bestuurders de woordvoeringslijn voor de (online) communicatie over alle soorten onderwerpen.",
                    englishName: "Spokesperson",
                    englishDescription: "Represents the organisation to the press and agencies and sets the line for (online) communication.",
                    aliases: ["spokesperson", "persvoorlichter", "voorlichter"]
                ),
            ]
        ),
        RoleCategory(
            id: "werking-online-dienstverlening",
            name: "De werking van de online dienstverlening",
            englishName: "How online services work",
            roles: [
                Role(
                    id: "applicatie-beheerder",
                    name: "Applicatie-beheerder",
                    description:
                        "De applicatiebeheerder zorgt ervoor dat de gebruikte applicaties zo optimaal mogelijk functioneren voor gebruikers (medewerkers en klanten). Denk hierbij aan het Content Management Systeem (CMS), Webformulierenapplicatie, Kennisbank, Raadsinformatiesysteem (RIS), Zaaksysteem en de Afsprakenmodule.",
                    englishName: "Application manager",
                    englishDescription: "Makes sure the applications (CMS, forms, knowledge base, case system, appointments) work as well as possible for users.",
                    aliases: ["applicatiebeheerder", "application manager", "application administrator"]
                ),
                Role(
                    id: "programmeur",
                    name: "Programmeur",
                    description:
                        "De programmeur kan de online dienstverlening zelf programmeren en daarmee 'aan elkaar knopen'. Het programmeren van koppelingen van bijvoorbeeld het Content Management Systeem met de webformulieren én backofficeapplicaties zoals het zaaksysteem. Denk bijvoorbeeld aan het maken van een koppeling tussen de website, de afsprakenmodule en het zaaksysteem. Daarbij kan een programmeur ook functionaliteiten aan de achterkant van een applicatie verbeteren.",
                    englishName: "Programmer",
                    englishDescription: "Programs online services and the links between the CMS, web forms and back-office applications.",
                    aliases: ["programmer", "developer", "ontwikkelaar", "softwareontwikkelaar"]
                ),
                Role(
                    id: "webformulieren-specialist-bouwen-en-vernieuwen",
                    name: "Webformulieren specialist (bouwen en vernieuwen)",
                    description:
                        "De webformulieren specialist creëert, onderhoudt en vernieuwt webformulieren. De specialist werkt begrijpelijk, toegankelijk en met het oog op privacy en zorgt voor een gebruiksvriendelijke ervaring voor inwoners en ondernemers.",
                    englishName: "Web forms specialist (building and renewing)",
                    englishDescription: "Creates, maintains and renews web forms: clear, accessible, privacy-aware and easy to use.",
                    aliases: ["webformulierenspecialist", "e-formulieren specialist", "eformulierenspecialist", "web forms specialist", "formulierenbouwer"]
                ),
            ]
        ),
        RoleCategory(
            id: "ontwerpen-meten-verbeteren",
            name: "Gebruikersgericht ontwerpen, meten & verbeteren",
            englishName: "User-centred design, measuring and improving",
            roles: [
                Role(
                    id: "website-analist",
                    name: "Website analist",
                    description:
                        "Web analist(en) bestuderen online gedrag en ervaringen op de website via bijvoorbeeld analytics, usability testing en klanttevredenheidsonderzoek. Op basis van de inzichten bedenkt en signaleert de web analist mogelijkheden voor optimalisaties. De web analist voert zelf regelmatig wijzigingen door aan de website en formulieren in samenspraak met de contentmanagers en vakinhoudelijke collega's.",
                    englishName: "Web analyst",
                    englishDescription: "Studies online behaviour and experience on the website (analytics, usability tests, satisfaction surveys) and makes improvements.",
                    aliases: ["web analist", "webanalist", "web analyst", "website analyst"]
                ),
                Role(
                    id: "social-media-analist",
                    name: "Social media analist",
                    description:
                        "Social media analisten bestuderen en meten wat er over de gemeente wordt gezegd op de verschillende online kanalen (bijvoorbeeld Facebook, Twitter, Instagram). De reputatie van de gemeente kan gemanaged worden door te luisteren naar wat er gezegd wordt door inwoners en hier gericht op te reageren. Er kunnen ook signalen worden verzameld over klantvragen. Deze signalen kunnen vervolgens weer opgepakt worden door webcaremedewerkers (veelal werkzaam in het KCC) en benut worden om antwoorden te formuleren en dit breed proactief te communiceren via alle online kanalen.",
                    englishName: "Social media analyst",
                    englishDescription: "Measures what is said about the municipality on online channels, to manage its reputation and pick up signals.",
                    aliases: ["social media analyst", "socialmedia analist", "webcare analist"]
                ),
                Role(
                    id: "data-analist",
                    name: "Data analist",
                    description:
                        "Een data analist analyseert en combineert data van de bedrijfsvoering en gedrag van inwoners en ondernemers met elkaar. Denk hierbij aan het combineren van data om dienstverlening proactief te verbeteren en effecten van online campagnes te meten.",
                    englishName: "Data analyst",
                    englishDescription: "Analyses and combines operational data and the behaviour of residents and businesses to improve services proactively.",
                    aliases: ["data analyst", "data-analist"]
                ),
                Role(
                    id: "proces-analist",
                    name: "Proces analist",
                    description:
                        "De proces analist analyseert (online) dienstverleningsprocessen en bekijkt hoe deze efficiënter georganiseerd kunnen worden. En/of hoe de dienstverlening klantvriendelijker gemaakt kan worden.",
                    englishName: "Process analyst",
                    englishDescription: "Analyses (online) service processes and how to make them more efficient and customer-friendly.",
                    aliases: ["process analyst", "procesanalist"]
                ),
                Role(
                    id: "usability-expert",
                    name: "Usability expert",
                    description:
                        "De usability expert werkt aan het gebruiksvriendelijk aanbieden van de online dienstverlening aan inwoners, ondernemers (en medewerkers). Betreft inwoners, ondernemers en medewerkers continu om gebruiksvriendelijkheid te bevorderen. Deze persoon zet bijvoorbeeld usability onderzoek in om gebruiksvriendelijke dienstverlening te ontwerpen.",
                    englishName: "Usability expert",
                    englishDescription: "Makes online services easy to use for residents, businesses and staff, for example with usability research.",
                    aliases: ["gebruiksvriendelijkheidsexpert", "ux expert", "ux-expert", "ux designer", "ux researcher", "ux onderzoeker"]
                ),
                Role(
                    id: "ontwerper",
                    name: "Ontwerper",
                    description:
                        "De ontwerper werkt aan de vormgeving van de website en formulieren en content voor socials. Denk aan huisstijl, lettertypes, buttons, invulvelden enzovoorts. De ontwerper maakt ook foto's, tekeningen en animaties.",
                    englishName: "Designer",
                    englishDescription: "Designs the look of the website, forms and social content, and makes photos, drawings and animations.",
                    aliases: ["designer", "vormgever", "grafisch ontwerper", "visual designer"]
                ),
            ]
        ),
    ])
}
